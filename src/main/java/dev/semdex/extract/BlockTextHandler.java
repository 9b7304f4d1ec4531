package dev.semdex.extract;

import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.apache.tika.exception.WriteLimitReachedException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns the XHTML events of Tika's parsers into plain text that keeps the document's structure where a chunker needs
 * it: a blank line after each paragraph or heading, a newline after list items and table rows, tabs between cells,
 * and a page marker at each {@code <div class="page">} that the PDF parser emits.
 *
 * <p>It is also where a parse is stopped: past the size budget it throws Tika's {@link WriteLimitReachedException},
 * which parsers know to let through, and once the extractor gives up on the file (time-out, cancel) it throws on the
 * next event, so even a parser that ignores interrupts stops as soon as it produces more text.
 */
final class BlockTextHandler extends DefaultHandler {

    private static final Set<String> PARAGRAPHS = Set.of(
            "p", "h5", "h6", "pre", "blockquote", "table", "ul", "ol", "dl",
            "section", "article", "header", "footer", "aside", "figure", "figcaption", "caption", "address", "hr");
    private static final Set<String> LINES = Set.of("div", "li", "tr", "dt", "dd", "option");
    private static final Set<String> CELLS = Set.of("td", "th");

    private final TextBuffer buffer;
    private final int maxChars;
    private final BooleanSupplier abandoned;
    private final StringBuilder title = new StringBuilder();
    private boolean inTitle;

    BlockTextHandler(TextBuffer buffer, int maxChars, BooleanSupplier abandoned) {
        this.buffer = buffer;
        this.maxChars = maxChars;
        this.abandoned = abandoned;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        checkAbandoned();
        String name = elementName(localName, qName);
        int level = headingLevel(name);
        if (name.equals("div") && isPageDiv(attributes)) {
            buffer.startPage();
        } else if (name.equals("title")) {
            inTitle = true;
        } else if (level > 0) {
            buffer.startHeading(level);
        } else if (PARAGRAPHS.contains(name)) {
            buffer.paragraphBreak();
        } else if (LINES.contains(name)) {
            buffer.endLine();
        } else if (CELLS.contains(name)) {
            buffer.cellBreak();
        } else if (name.equals("br")) {
            buffer.lineBreak();
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        checkAbandoned();
        String name = elementName(localName, qName);
        if (name.equals("title")) {
            inTitle = false;
        } else if (headingLevel(name) > 0) {
            buffer.endHeading();
        } else if (PARAGRAPHS.contains(name)) {
            buffer.paragraphBreak();
        } else if (LINES.contains(name)) {
            buffer.endLine();
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        checkAbandoned();
        if (inTitle) {
            title.append(ch, start, length);
            return;
        }
        if (!buffer.append(ch, start, length)) {
            throw new WriteLimitReachedException(maxChars);
        }
    }

    /**
     * Parsers mark their own layout newlines as ignorable (the PDF parser ends every printed line with one); our
     * block rules already place the breaks, but the words on either side must not run together ("via" at the end of
     * one line, "mechanisms" on the next), so it counts as a space.
     */
    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        checkAbandoned();
        if (length > 0) {
            buffer.softSpace();
        }
    }

    /** The document's {@code <title>} as written, which is not part of its text; empty when it has none. */
    String title() {
        return title.toString();
    }

    /** 1 to 4 for {@code h1} to {@code h4}; deeper headings are too small to name a passage, and read as paragraphs. */
    private static int headingLevel(String name) {
        return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '4'
                ? name.charAt(1) - '0' : 0;
    }

    private void checkAbandoned() throws SAXException {
        if (abandoned.getAsBoolean()) {
            throw new ExtractionAbandoned();
        }
    }

    private static boolean isPageDiv(Attributes attributes) {
        String classes = attributes.getValue("class");
        if (classes == null) {
            return false;
        }
        for (String cls : classes.trim().split("\\s+")) {
            if (cls.equals("page")) {
                return true;
            }
        }
        return false;
    }

    private static String elementName(String localName, String qName) {
        String name = localName == null || localName.isEmpty() ? qName : localName;
        int colon = name.indexOf(':');
        return (colon >= 0 ? name.substring(colon + 1) : name).toLowerCase(Locale.ROOT);
    }

    /** Thrown into the parser to stop it once nobody waits for its result any more. */
    static final class ExtractionAbandoned extends SAXException {
        ExtractionAbandoned() {
            super("extraction abandoned");
        }
    }
}
