package dev.semdex.ui.search;

import dev.semdex.search.BestSentence.Span;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Text;

/** Builds the Text runs of a passage with the query words and the best sentence marked by style classes. */
public final class Passages {

    private Passages() {}

    /** @param best the best sentence's place in {@code passage}, or null while it is not known */
    public static List<Text> texts(String passage, String query, Span best) {
        List<Text> out = new ArrayList<>();
        for (Highlighter.Segment s : Highlighter.segments(passage, query, best)) {
            Text t = new Text(s.text());
            t.getStyleClass().add("passage");
            if (s.bestSentence()) {
                t.getStyleClass().add("best-sentence");
            }
            if (s.term()) {
                t.getStyleClass().add("term");
            }
            out.add(t);
        }
        return out;
    }

    public static Text context(String text) {
        Text t = new Text(text);
        t.getStyleClass().addAll("passage", "context");
        return t;
    }
}
