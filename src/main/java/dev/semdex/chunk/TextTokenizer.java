package dev.semdex.chunk;

/** A model's tokenizer seen from the chunker: where each token of a text starts and ends. */
public interface TextTokenizer {

    /** Token spans of {@code text} without special tokens, as UTF-16 char offsets into {@code text}. */
    TokenSpans spans(String text);

    /** Number of tokens {@code text} takes, without special tokens. */
    default int count(String text) {
        return spans(text).size();
    }
}
