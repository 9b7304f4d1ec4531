package dev.semdex.chunk;

/**
 * What a model reads for a passage: the document's title, then the passage. A passage's own words often do not say
 * what it is about ("Use the -m switch to…" on a page titled "Virtual Environments and Packages"), and with the title
 * before it the passage's vector does; measured on the real-world question set, it put the answering page first more
 * often than passages alone or with their heading paths as well (README, "Real folders"). Room for the title is kept
 * in each passage's token budget, so the model never cuts the end of a passage to fit the title in.
 */
public final class PassageContext {

    /** Tokens kept for the title and the blank line after it; longer titles are cut. */
    public static final int TITLE_TOKENS = 24;
    /** Passages shorter than this leave no room for a title: short-input models read passages alone. */
    private static final int MIN_PASSAGE_TOKENS = 64;

    private final TextTokenizer tokenizer;
    private final boolean withTitles;
    private final int passageTokens;

    /** @param maxTokens the most tokens the model reads for one passage */
    public PassageContext(TextTokenizer tokenizer, int maxTokens) {
        this.tokenizer = tokenizer;
        this.withTitles = maxTokens - TITLE_TOKENS >= MIN_PASSAGE_TOKENS;
        this.passageTokens = withTitles ? maxTokens - TITLE_TOKENS : maxTokens;
    }

    /** How many tokens a passage may hold, its title left aside. */
    public int passageTokens() {
        return passageTokens;
    }

    /** The title as the model reads it before each passage: cut to fit, empty when there is no room or no title. */
    public String prefix(String title) {
        if (!withTitles || title == null || title.isBlank()) {
            return "";
        }
        String t = title.strip();
        TokenSpans spans = tokenizer.spans(t);
        int keep = TITLE_TOKENS - 4; // the blank line and the special tokens some tokenizers add around pieces
        return spans.size() <= keep ? t : t.substring(0, spans.ends()[keep - 1]).strip();
    }

    /** The text embedded for a passage under {@code prefix} (from {@link #prefix}). */
    public static String embedded(String prefix, String passage) {
        return prefix.isEmpty() ? passage : prefix + "\n\n" + passage;
    }
}
