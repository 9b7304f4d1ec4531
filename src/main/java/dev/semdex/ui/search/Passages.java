package dev.semdex.ui.search;

import dev.semdex.search.BestSentence.Span;
import dev.semdex.search.Reflow;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Text;

/**
 * Builds the Text runs of a passage with the query words and the best sentence marked by style classes. Lines the
 * source broke at a fixed width are joined first ({@link Reflow}), which keeps every offset into the passage.
 */
public final class Passages {

    private Passages() {}

    /** @param best the best sentence's place in {@code passage}, or null while it is not known */
    public static List<Text> texts(String passage, String query, Span best) {
        List<Text> out = new ArrayList<>();
        for (Highlighter.Segment s : Highlighter.segments(Reflow.paragraphs(passage), query, best)) {
            for (EmojiFont.Run run : EmojiFont.runs(s.text())) {
                Text t = new Text(run.text());
                t.getStyleClass().add("passage");
                if (s.bestSentence()) {
                    t.getStyleClass().add("best-sentence");
                }
                if (s.term()) {
                    t.getStyleClass().add("term");
                }
                if (run.emoji()) {
                    emoji(t);
                }
                out.add(t);
            }
        }
        return out;
    }

    /** Draws an emoji run with an emoji font (see {@link EmojiFont}), when one is installed. */
    private static void emoji(Text t) {
        t.getStyleClass().add("emoji");
        String family = EmojiFont.family();
        if (family != null) {
            t.setStyle("-fx-font-family: '" + family + "';");
        }
    }

    public static Text context(String text) {
        Text t = new Text(Reflow.paragraphs(text));
        t.getStyleClass().addAll("passage", "context");
        return t;
    }
}
