package dev.semdex.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Tesseract prints a page as the lines it saw, with a blank line between blocks. A passage should read as the
 * paragraph it is, so the lines of a block are joined with a space, and a word hyphenated at a line's end is put back
 * together ("inter-" + "leukin"): otherwise the keyword index would hold two halves nobody searches for.
 */
final class OcrText {

    private OcrText() {
    }

    static String paragraphs(String raw) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        for (String line : raw.replace('\f', '\n').split("\\R")) {
            String words = line.strip();
            if (words.isEmpty()) {
                flush(block, blocks);
                continue;
            }
            if (block.length() > 0) {
                if (endsWithHyphenatedWord(block) && Character.isLowerCase(words.charAt(0))) {
                    block.setLength(block.length() - 1);
                } else {
                    block.append(' ');
                }
            }
            block.append(words);
        }
        flush(block, blocks);
        return String.join("\n\n", blocks);
    }

    private static boolean endsWithHyphenatedWord(StringBuilder block) {
        int n = block.length();
        return n >= 2 && block.charAt(n - 1) == '-' && Character.isLetter(block.charAt(n - 2));
    }

    private static void flush(StringBuilder block, List<String> blocks) {
        if (block.length() > 0) {
            blocks.add(block.toString());
            block.setLength(0);
        }
    }
}
