package dev.semdex.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitRectangleDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PDF's outline (its bookmarks), the only headings a PDF names: its text has none, only lines in a larger font.
 * Each item leads to a page and, usually, a height on it; a heading is placed where the item's title is printed on
 * that page, or, when the title is not found there as printed, at the height the item leads to (else the page's
 * start). A PDF without an outline, or with one that cannot be read, has no headings: the outline never costs a file
 * its text.
 *
 * <p>Kept apart from the text because OCR replaces the text of scanned pages after extraction: the headings are then
 * placed again in the new text ({@link #headingsIn}).
 */
public record PdfOutline(List<Entry> entries) {

    private static final Logger LOG = LoggerFactory.getLogger(PdfOutline.class);

    /** Deeper items (a function of a section of a chapter of a part) are too small to name a passage. */
    static final int MAX_LEVEL = 4;
    /** More items than a book's index has entries: the rest of a malformed outline is not worth reading. */
    private static final int MAX_ENTRIES = 20_000;
    /** What may stand before a title on its line: "2.13.", "A", "IV", "Chapter 4:". */
    private static final Pattern SECTION_NUMBER = Pattern.compile(
            "(?i)((chapter|section|part|appendix)\\s+)?([0-9]+|[a-z]|[ivxlc]+)?([.][0-9]+)*[.:)]?");

    public static final PdfOutline NONE = new PdfOutline(List.of());

    /**
     * One outline item.
     *
     * @param level   1 for a top-level item, 2 for its children …
     * @param page    1-based page it leads to
     * @param fromTop how far down the page it leads, 0 (top) to 1 (bottom); negative when the item does not say
     */
    public record Entry(int level, String title, int page, double fromTop) {}

    public PdfOutline {
        entries = List.copyOf(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The outline of the PDF at {@code file}; {@link #NONE} when it has none or it cannot be read. */
    static PdfOutline read(Path file) {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            PDDocumentOutline outline = catalog.getDocumentOutline();
            if (outline == null) {
                return NONE;
            }
            Map<COSDictionary, Integer> pageNumbers = new IdentityHashMap<>();
            int number = 0;
            for (PDPage page : doc.getPages()) {
                pageNumbers.put(page.getCOSObject(), ++number);
            }
            List<Entry> entries = new ArrayList<>();
            walk(outline, 1, catalog, pageNumbers, entries, Collections.newSetFromMap(new IdentityHashMap<>()));
            return new PdfOutline(entries);
        } catch (Exception | StackOverflowError e) {
            LOG.debug("No outline read from {}: {}", file, e.toString());
            return NONE;
        }
    }

    /** Items in reading order, each before its children; an item seen before (a loop in the file) ends its list. */
    private static void walk(PDOutlineNode node, int level, PDDocumentCatalog catalog,
            Map<COSDictionary, Integer> pageNumbers, List<Entry> entries, Set<COSDictionary> seen) throws IOException {
        for (PDOutlineItem item = node.getFirstChild(); item != null && entries.size() < MAX_ENTRIES;
                item = item.getNextSibling()) {
            if (!seen.add(item.getCOSObject())) {
                return;
            }
            if (level > MAX_LEVEL) {
                continue;
            }
            String title = item.getTitle() == null ? "" : Titles.clean(item.getTitle().replaceAll("\\p{Z}+", " "));
            Entry entry = null;
            try {
                entry = title.isEmpty() ? null : entry(item, level, title, catalog, pageNumbers);
            } catch (IOException | RuntimeException malformed) {
                LOG.debug("Outline item \"{}\" left out: {}", title, malformed.toString());
            }
            if (entry != null) {
                entries.add(entry);
            }
            walk(item, level + 1, catalog, pageNumbers, entries, seen);
        }
    }

    private static Entry entry(PDOutlineItem item, int level, String title, PDDocumentCatalog catalog,
            Map<COSDictionary, Integer> pageNumbers) throws IOException {
        PDDestination destination = item.getDestination();
        if (destination == null && item.getAction() instanceof PDActionGoTo goTo) {
            destination = goTo.getDestination();
        }
        if (destination instanceof PDNamedDestination named) {
            destination = catalog.findNamedDestinationPage(named);
        }
        if (!(destination instanceof PDPageDestination target)) {
            return null; // a link to another file or a web page, or a name the file does not define
        }
        PDPage page = target.getPage();
        Integer number = page != null ? pageNumbers.get(page.getCOSObject()) : null;
        if (number == null) {
            // Some writers give the page's index where a page belongs; taken at its word, without a height.
            int index = target.getPageNumber();
            return page == null && index >= 0 && index < pageNumbers.size()
                    ? new Entry(level, title, index + 1, -1) : null;
        }
        int top = target instanceof PDPageXYZDestination xyz ? xyz.getTop()
                : target instanceof PDPageFitWidthDestination width ? width.getTop()
                : target instanceof PDPageFitRectangleDestination rectangle ? rectangle.getTop() : -1;
        return new Entry(level, title, number, fromTop(page, top));
    }

    private static double fromTop(PDPage page, int top) {
        PDRectangle box = page.getCropBox();
        if (top < 0 || box == null || box.getHeight() <= 0) {
            return -1;
        }
        return Math.max(0, Math.min(1, (box.getUpperRightY() - top) / box.getHeight()));
    }

    /**
     * The outline as headings of {@code text}, whose pages start at {@code pageStarts}, in text order. Items on
     * pages the text does not reach (it was cut at the size budget) are left out.
     */
    public List<Heading> headingsIn(String text, int[] pageStarts) {
        List<Heading> headings = new ArrayList<>();
        int previousPage = 0;
        int previousOffset = 0;
        Folded page = null;
        for (Entry entry : entries) {
            if (entry.page() > pageStarts.length) {
                continue;
            }
            int start = pageStarts[entry.page() - 1];
            int end = entry.page() < pageStarts.length ? pageStarts[entry.page()] : text.length();
            if (page == null || page.start != start || page.end != end) {
                page = new Folded(text, start, end);
            }
            // Items on one page follow each other down it; one whose height says otherwise still comes after.
            int floor = entry.page() == previousPage ? Math.max(start, previousOffset) : start;
            int offset = locate(entry, page, floor);
            headings.add(new Heading(offset, entry.level(), entry.title()));
            previousPage = entry.page();
            previousOffset = offset;
        }
        headings.sort(Comparator.comparingInt(Heading::offset)); // stable: an outline out of page order stays nested
        return headings;
    }

    /**
     * Where on its page the item's title is printed, compared by letters and digits alone, since outlines spell
     * titles their own way ("Nonregular files" for a printed "Non-regular files", a no-break space after a number).
     * The title as a line of its own (after its number, if any) wins over the title starting a paragraph, and that
     * over the title inside a sentence; of equals, the one nearest the item's height. Not found, the line at its
     * height.
     */
    private static int locate(Entry entry, Folded page, int floor) {
        String text = page.text;
        if (floor >= page.end) {
            return Math.min(floor, text.length());
        }
        int estimate = entry.fromTop() < 0 ? floor
                : Math.max(floor, page.start + (int) Math.round(entry.fromTop() * (page.end - page.start)));
        String title = fold(entry.title());
        int best = -1;
        int bestRank = Integer.MAX_VALUE;
        long bestDistance = Long.MAX_VALUE;
        for (int k = title.isEmpty() ? -1 : page.letters.indexOf(title); k >= 0;
                k = page.letters.indexOf(title, k + 1)) {
            int at = page.at[k];
            int after = page.at[k + title.length() - 1] + 1;
            if (at < floor || isWordChar(text, at - 1) || isWordChar(text, after)) {
                continue; // "Name" in "names"
            }
            int rank = (endsLine(text, after) ? 0 : 2) + (startsLine(text, at) ? 0 : 1);
            long distance = Math.abs((long) at - estimate);
            if (rank < bestRank || rank == bestRank && distance < bestDistance) {
                best = at;
                bestRank = rank;
                bestDistance = distance;
            }
        }
        if (best >= 0) {
            return best;
        }
        int lineStart = text.lastIndexOf('\n', Math.min(estimate, page.end - 1) - 1) + 1;
        return Math.max(floor, lineStart);
    }

    /** Only a section number ("2.13.", "A", "Chapter 4:") stands between the line's start and {@code at}. */
    private static boolean startsLine(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        return SECTION_NUMBER.matcher(text.substring(lineStart, at).strip()).matches();
    }

    /** Nothing but punctuation (a colon, a pilcrow) between {@code at} and the line's end. */
    private static boolean endsLine(String text, int at) {
        for (int i = at; i < text.length() && text.charAt(i) != '\n'; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordChar(String text, int i) {
        return i >= 0 && i < text.length() && Character.isLetterOrDigit(text.charAt(i));
    }

    private static String fold(String s) {
        StringBuilder letters = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                letters.append(Character.toLowerCase(s.charAt(i)));
            }
        }
        return letters.toString();
    }

    /** One page's letters and digits in lower case, each with its offset in the text. */
    private static final class Folded {
        final String text;
        final int start;
        final int end;
        final String letters;
        final int[] at;

        Folded(String text, int start, int end) {
            this.text = text;
            this.start = start;
            this.end = end;
            StringBuilder folded = new StringBuilder(end - start);
            int[] offsets = new int[end - start];
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    char lower = Character.toLowerCase(c);
                    offsets[folded.length()] = i;
                    folded.append(lower);
                }
            }
            this.letters = folded.toString();
            this.at = offsets;
        }
    }
}
