package dev.semdex.embed;

/**
 * The text a model is given for a passage: every run of white space as one space, none at either end. Line breaks
 * and indentation in extracted text are layout — a PDF wraps its lines where a text file does not — so they must
 * not make the same words a different passage. Identical model texts get identical vectors, so the indexer keys
 * stored vectors by the hash of this text and a passage printed to PDF reuses the vector of its plain-text twin.
 */
public final class ModelText {

    private ModelText() {}

    public static String of(String text) {
        StringBuilder out = null;
        int length = text.length();
        boolean pendingSpace = false;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean space = isSpace(c);
            if (out == null) { // nothing to change so far: copy only once something must
                boolean plainSpace = c == ' ' && i > 0 && i + 1 < length && !isSpace(text.charAt(i + 1));
                if (!space || plainSpace) {
                    continue;
                }
                out = new StringBuilder(length).append(text, 0, i);
            }
            if (space) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
