package dev.semdex.embed.djl;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.semdex.SemdexException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds DJL's Hugging Face tokenizers with every length option spelled out. Left to itself DJL keeps the
 * truncation written in tokenizer.json (128 tokens in the langchain4j jars) and caps everything at 512, so a
 * model would silently see only part of each passage.
 */
final class HfTokenizers {

    private HfTokenizers() {}

    /** Adds special tokens and truncates at the model's length: what the model is fed. */
    static HuggingFaceTokenizer forModelInput(Path tokenizerJson, int maxTokens) {
        return open(tokenizerJson, Map.of(
                "addSpecialTokens", "true",
                "truncation", "true",
                "padding", "false",
                "maxLength", Integer.toString(maxTokens),
                "modelMaxLength", Integer.toString(maxTokens)));
    }

    /** Neither truncates nor adds special tokens: for counting and cutting whole documents. */
    static HuggingFaceTokenizer forCounting(Path tokenizerJson) {
        return open(tokenizerJson, Map.of(
                "addSpecialTokens", "false",
                "truncation", "false",
                "padding", "false",
                "modelMaxLength", Integer.toString(Integer.MAX_VALUE)));
    }

    private static HuggingFaceTokenizer open(Path tokenizerJson, Map<String, String> options) {
        try {
            return HuggingFaceTokenizer.newInstance(tokenizerJson, options);
        } catch (IOException | RuntimeException e) {
            throw new SemdexException("Cannot read the tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
        }
    }
}
