package dev.semdex.extract;

import java.util.List;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown as the text a reader sees: headings without their {@code #}, links and emphasis without their syntax
 * (a link's address is not part of what it says, and in a notes folder the addresses can take a good share of a
 * passage's tokens), a paragraph wrapped over several lines as one line, tables as rows of tab-separated cells, code
 * blocks line by line. Headings and paragraphs stay paragraphs, which is where the chunker prefers to cut. A note kept
 * both as Markdown and as plain text or Word then gives the same passages, so their vectors are shared.
 */
final class MarkdownText {

    /**
     * Longer files (generated dumps more than notes) keep their text as written: the syntax tree of a much longer
     * file did not fit in a small heap, where the text alone does.
     */
    static final int MAX_CHARS = 2_000_000;

    /** Thread-safe: every parse has its own state. */
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private MarkdownText() {}

    /**
     * The text of {@code markdown}, normalized as {@link TextBuffer} does, at most {@code maxChars} long; the text as
     * written when it is longer than {@link #MAX_CHARS} or shows nothing (a file of HTML comments, say).
     */
    static String of(String markdown, int maxChars) {
        return read(markdown, maxChars).text();
    }

    /** As {@link #of}, with the headings (levels 1 to 4) of the text returned. */
    static Rendered read(String markdown, int maxChars) {
        if (markdown.length() > MAX_CHARS) {
            return new Rendered(markdown, List.of());
        }
        TextBuffer buffer = new TextBuffer(maxChars);
        PARSER.parse(markdown).accept(new Renderer(buffer));
        return buffer.length() == 0 ? new Rendered(markdown, List.of())
                : new Rendered(buffer.text(), buffer.headings());
    }

    /** Markdown's visible text and its headings. */
    record Rendered(String text, List<dev.semdex.extract.Heading> headings) {}

    private static final class Renderer extends AbstractVisitor {

        private final TextBuffer out;

        Renderer(TextBuffer out) {
            this.out = out;
        }

        @Override
        public void visit(Heading heading) {
            if (heading.getLevel() > 4) {
                paragraph(heading);
                return;
            }
            out.startHeading(heading.getLevel());
            visitChildren(heading);
            out.endHeading();
        }

        @Override
        public void visit(Paragraph paragraph) {
            if (paragraph.getParent() instanceof ListItem) {
                out.endLine(); // list items, loose or tight, read as lines
                visitChildren(paragraph);
            } else {
                paragraph(paragraph);
            }
        }

        /** Lists and quotes need no breaks of their own: the paragraphs, headings and blocks around them have them. */
        @Override
        public void visit(ListItem item) {
            out.endLine();
            visitChildren(item);
        }

        @Override
        public void visit(FencedCodeBlock code) {
            literalBlock(code.getLiteral());
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            literalBlock(code.getLiteral());
        }

        @Override
        public void visit(HtmlBlock html) {
            if (!html.getLiteral().startsWith("<!--")) {
                literalBlock(html.getLiteral());
            }
        }

        @Override
        public void visit(HtmlInline html) {
            // A tag such as <br> or <span>: no text of its own.
        }

        @Override
        public void visit(ThematicBreak rule) {
            out.paragraphBreak();
        }

        @Override
        public void visit(Text text) {
            out.append(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            out.append(code.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak lineBreak) {
            out.softSpace();
        }

        @Override
        public void visit(HardLineBreak lineBreak) {
            out.lineBreak();
        }

        @Override
        public void visit(CustomBlock block) {
            if (block instanceof TableBlock) {
                paragraph(block);
            } else {
                visitChildren(block);
            }
        }

        @Override
        public void visit(CustomNode node) {
            if (node instanceof TableRow) {
                out.endLine();
            } else if (node instanceof TableCell) {
                out.cellBreak();
            }
            visitChildren(node);
        }

        private void paragraph(Node block) {
            out.paragraphBreak();
            visitChildren(block);
            out.paragraphBreak();
        }

        private void literalBlock(String literal) {
            out.paragraphBreak();
            out.append(literal);
            out.paragraphBreak();
        }
    }
}
