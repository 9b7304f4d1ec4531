package dev.semdex.ui.settings;

import java.util.Locale;

/**
 * Explains what a longer chunk costs, next to the setting. Self-attention holds one score per pair of tokens per
 * head, so working memory grows with the square of the chunk length: for Jina v2 base (12 heads, float32) one
 * layer's scores take 12 × n² × 4 bytes while a chunk is embedded.
 */
final class LongChunkCost {

    private static final int HEADS = 12;

    private LongChunkCost() {}

    static String describe(int tokens) {
        double gb = HEADS * (double) tokens * tokens * 4 / 1e9;
        String memory = gb < 0.1 ? String.format(Locale.ROOT, "%.0f MB", gb * 1000)
                : String.format(Locale.ROOT, "%.1f GB", gb);
        String quality = tokens > 512 ? " Jina v2 was trained on 512-token texts; longer chunks make each hit "
                + "less precise and take longer per token." : "";
        return "About " + memory + " of extra memory per passage being embedded (Jina v2 base; per embedding "
                + "thread)." + quality + " A new size re-chunks and re-embeds on the next run.";
    }
}
