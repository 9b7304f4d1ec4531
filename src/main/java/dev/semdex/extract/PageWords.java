package dev.semdex.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words Tesseract reads on one picture, each with its box, so that a passage found in the picture's text can be
 * shown where it stands on the picture: a reader checks OCR's text against the page at a glance.
 *
 * <p>A passage is placed by its words, not its characters: OCR's text and the picture's words differ in line breaks,
 * hyphens and quotes, so both sides are compared as words in lower case without punctuation, and the longest run of
 * the passage's words that stands in the picture's reading order wins. A passage whose words OCR misread here and
 * there still lights up its longest intact stretch rather than nothing.
 *
 * @param width  the picture's width in pixels, as Tesseract saw it
 * @param height the picture's height in pixels
 * @param words  the words in reading order
 */
public record PageWords(int width, int height, List<Word> words) {

    /** One word and its box, in pixels from the picture's top left corner. */
    public record Word(String text, int left, int top, int width, int height) {}

    private static final int LEVEL_PAGE = 1;
    private static final int LEVEL_WORD = 5;

    public PageWords {
        words = List.copyOf(words);
    }

    /**
     * Tesseract's TSV output ({@code tesseract IMAGE OUT tsv}): the page row gives the picture's size, the word rows
     * (level 5, with a confidence) the words. Rows that do not parse are passed over.
     */
    public static PageWords parseTsv(String tsv) {
        int width = 0;
        int height = 0;
        List<Word> words = new ArrayList<>();
        for (String line : tsv.split("\\R")) {
            String[] cells = line.split("\t", -1);
            if (cells.length < 12) {
                continue;
            }
            int level;
            int[] box = new int[4];
            try {
                level = Integer.parseInt(cells[0].strip());
                for (int i = 0; i < 4; i++) {
                    box[i] = Integer.parseInt(cells[6 + i].strip());
                }
            } catch (NumberFormatException e) {
                continue; // the header row
            }
            if (level == LEVEL_PAGE) {
                width = box[2];
                height = box[3];
            } else if (level == LEVEL_WORD && !cells[11].isBlank()) {
                words.add(new Word(cells[11].strip(), box[0], box[1], box[2], box[3]));
            }
        }
        return new PageWords(width, height, words);
    }

    /**
     * The picture's words that show {@code passage}: the longest run of consecutive words found in the same order in
     * both (compared in lower case without punctuation); empty when no word of the passage stands on the picture.
     */
    public List<Word> find(String passage) {
        List<String> wanted = new ArrayList<>();
        for (String token : passage.split("\\s+")) {
            String key = key(token);
            if (!key.isEmpty()) {
                wanted.add(key);
            }
        }
        List<Word> seen = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Word word : words) {
            String key = key(word.text());
            if (!key.isEmpty()) {
                seen.add(word);
                keys.add(key);
            }
        }
        // Longest common run of the two word sequences (dynamic programming over one row at a time).
        int[] previous = new int[wanted.size() + 1];
        int bestLength = 0;
        int bestEnd = -1;
        for (int i = 1; i <= keys.size(); i++) {
            int[] row = new int[wanted.size() + 1];
            for (int j = 1; j <= wanted.size(); j++) {
                if (keys.get(i - 1).equals(wanted.get(j - 1))) {
                    row[j] = previous[j - 1] + 1;
                    if (row[j] > bestLength) {
                        bestLength = row[j];
                        bestEnd = i;
                    }
                }
            }
            previous = row;
        }
        return bestLength == 0 ? List.of() : List.copyOf(seen.subList(bestEnd - bestLength, bestEnd));
    }

    /** A word as compared: lower case, letters and digits only. */
    private static String key(String token) {
        StringBuilder key = new StringBuilder(token.length());
        token.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }
}
