package dev.semdex.ui.settings;

import java.util.Locale;

/**
 * Explains what a longer chunk costs, next to the setting. Self-attention holds scores for every pair of tokens in
 * every head, and the ALiBi bias Jina v2 adds to them is as large again, so the memory a passage needs grows with
 * the square of its length and with the number of heads. The factor below is what {@code bench chunk} measured for
 * a JinaBERT with Jina v2's attention (the tiny test fixture, see the README's "Long chunks"), per head and pair of
 * tokens; scaled by the heads of the two real models it gives the figures shown.
 */
final class LongChunkCost {

    /** Peak bytes above the loaded model, per attention head and per pair of tokens (bench chunk, fixture). */
    static final double BYTES_PER_HEAD_AND_PAIR = 14.6;
    static final int SMALL_HEADS = 8;
    static final int BASE_HEADS = 12;

    private LongChunkCost() {}

    static String describe(int tokens) {
        double pairs = (double) tokens * tokens;
        String quality = tokens > 512 ? " Jina v2 was trained on 512-token texts; longer chunks make each hit "
                + "less precise and take longer per token." : "";
        return "About " + size(SMALL_HEADS * pairs * BYTES_PER_HEAD_AND_PAIR) + " (Jina v2 small) or "
                + size(BASE_HEADS * pairs * BYTES_PER_HEAD_AND_PAIR) + " (base) of extra memory per passage being "
                + "embedded, per embedding thread." + quality + " A new size re-chunks and re-embeds on the next run.";
    }

    private static String size(double bytes) {
        double gb = bytes / 1e9;
        return gb < 1 ? String.format(Locale.ROOT, "%.0f MB", gb * 1000) : String.format(Locale.ROOT, "%.1f GB", gb);
    }
}
