package dev.semdex.extract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.tika.mime.MediaType;

/**
 * Picks what a document calls itself. A web page's {@code <title>} usually carries the site's name after the page's
 * ("Classes — Python 3.11 documentation"), which every page shares and which says nothing about this one, so the
 * page's first {@code <h1>} wins when the title contains it. Title properties of PDF and Office files are often what
 * the authoring program filled in ("Microsoft Word - draft3.doc", "untitled"); those are passed over for the first
 * heading. A PDF, a text file or an office file without headings is named by its first short line, as a reader (or a
 * notes app) names it from the top of the page; source code is not, its first line is no title.
 */
final class Titles {

    /** Longer than this, a "title" is a paragraph that lost its way. */
    private static final int MAX_LENGTH = 200;
    private static final Pattern PROGRAM_FILLED = Pattern.compile(
            "(?i)^(untitled.*|document\\d*|microsoft (word|powerpoint|excel) - .*|.*\\.(docx?|pdf|tex|dvi|odt|rtf|pptx?|"
                    + "xlsx?|indd|qxd|ps)|slide \\d+)$");

    private Titles() {}

    /**
     * @param pageTitle     the {@code <title>} element of the parsed XHTML (empty if none)
     * @param propertyTitle the title property the parser found (may be null)
     */
    static String choose(String pageTitle, String propertyTitle, List<Heading> headings, String text,
            MediaType type) {
        String declared = usable(pageTitle) ? clean(pageTitle) : usable(propertyTitle) ? clean(propertyTitle) : "";
        String firstChapter = headings.stream().filter(h -> h.level() == 1).map(Heading::text).findFirst()
                .orElse(headings.isEmpty() ? "" : headings.get(0).text());
        firstChapter = clean(firstChapter);
        if (!firstChapter.isEmpty() && (declared.isEmpty()
                || declared.toLowerCase(Locale.ROOT).contains(firstChapter.toLowerCase(Locale.ROOT)))) {
            return firstChapter;
        }
        if (!declared.isEmpty()) {
            return declared;
        }
        if (FileTypes.isPdf(type) || MediaType.TEXT_PLAIN.equals(type) || headings.isEmpty() && isOffice(type)) {
            return firstLine(text);
        }
        return "";
    }

    private static boolean isOffice(MediaType type) {
        String subtype = type.getSubtype();
        return subtype.startsWith("vnd.openxmlformats-officedocument") || subtype.startsWith("vnd.oasis.opendocument")
                || subtype.equals("msword") || subtype.equals("rtf");
    }

    private static boolean usable(String title) {
        if (title == null) {
            return false;
        }
        String t = clean(title);
        return !t.isEmpty() && t.length() <= MAX_LENGTH && t.codePoints().anyMatch(Character::isLetter)
                && !PROGRAM_FILLED.matcher(t).matches();
    }

    /** Whitespace collapsed, and the pilcrow that documentation generators put after headings as a link dropped. */
    static String clean(String title) {
        return title.replace('\u00B6', ' ').replaceAll("\\s+", " ").strip();
    }

    /** The text's first line when it reads like a title: short, with letters, not a sentence ending in a period. */
    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = clean(end < 0 ? text : text.substring(0, end));
        boolean titleLike = line.length() >= 3 && line.length() <= 120 && line.codePoints().anyMatch(Character::isLetter)
                && !line.endsWith(".");
        return titleLike ? line : "";
    }
}
