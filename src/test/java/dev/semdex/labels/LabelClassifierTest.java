package dev.semdex.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semdex.SemdexException;
import dev.semdex.TestModels;
import dev.semdex.embed.Embedder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Labels on real model vectors: described, confirmed, corrected. */
class LabelClassifierTest {

    private final Embedder model = TestModels.minilm();

    private float[] file(String text) {
        return LabelCentres.fileVector(model.embedPassages(List.of(text)));
    }

    private final Label invoices = new Label("invoices", "bills, amounts due, payment terms");
    private final Label recipes = new Label("recipes", "cooking, ingredients, baking");

    private LabelClassifier classifier(List<float[]> confirmedInvoices, List<float[]> correctedInvoices) {
        Map<String, float[]> centres = new LinkedHashMap<>();
        centres.put(invoices.name(), LabelCentres.centre(model.embedQuery(invoices.description()),
                confirmedInvoices, correctedInvoices));
        centres.put(recipes.name(), LabelCentres.centre(model.embedQuery(recipes.description()), List.of(),
                List.of()));
        return new LabelClassifier(centres);
    }

    @Test
    void aDescriptionAloneSortsPlainFiles() {
        LabelClassifier labels = classifier(List.of(), List.of());

        assertThat(labels.classify(file("Invoice 2041. Amount due: 310 EUR within 30 days of receipt."), 0)
                .label()).isEqualTo("invoices");
        assertThat(labels.classify(file("Cream the butter and sugar, fold in the flour and bake for 25 minutes."),
                0).label()).isEqualTo("recipes");
    }

    @Test
    void aFileAboutNoneOfTheLabelsGetsNoneNotTheLeastUnlikeOne() {
        Map<String, float[]> centres = new LinkedHashMap<>();
        centres.put(invoices.name(), LabelCentres.centre(model.embedQuery(invoices.description()), List.of(),
                List.of())); // a single label: every file's confidence is 1
        LabelClassifier labels = new LabelClassifier(centres);
        float[] bill = file("Invoice 2041. Amount due: 310 EUR within 30 days of receipt.");
        float[] reminder = file("Second reminder: your account shows an outstanding balance; please settle it.");
        float[] hike = file("We walked along the ridge to the lake and camped under the pines.");
        float[] poem = file("The moon rose over the quiet harbour, silver on the sleeping boats.");
        float[] match = file("Half-time score: two goals to one, after a penalty in the last minute.");
        Map<String, double[]> ranges = labels.ranges(List.of(bill, reminder, hike, poem, match));

        assertThat(labels.classify(hike, new LabelThresholds(0.5, -1)).label())
                .as("without a floor").isEqualTo("invoices");
        for (float[] other : List.of(hike, poem, match)) {
            assertThat(labels.classify(other, LabelThresholds.DEFAULT, ranges).label()).isNull();
        }
        assertThat(labels.classify(bill, LabelThresholds.DEFAULT, ranges).label()).isEqualTo("invoices");
        assertThat(labels.classify(reminder, LabelThresholds.DEFAULT, ranges).label()).isEqualTo("invoices");
        assertThat(labels.classify(hike, new LabelThresholds(0.5, -1, 0), ranges).label()).as("floor off")
                .isEqualTo("invoices");
    }

    @Test
    void confirmingAFileBringsTheLabelNearerToFilesLikeIt() {
        float[] reminder = file("Second reminder: your account shows an outstanding balance; please settle it.");
        float[] similar = file("Final notice: the balance on your account is still unpaid; settle it this week.");
        double before = classifier(List.of(), List.of()).classify(similar, 0).cosine();

        LabelGuess after = classifier(List.of(reminder), List.of()).classify(similar, 0);

        assertThat(after.label()).isEqualTo("invoices");
        assertThat(after.cosine()).isGreaterThan(before);
    }

    @Test
    void correctingAFilePullsTheLabelAwayFromIt() {
        float[] menu = file("Restaurant menu with prices: soup 6 EUR, bread 2 EUR, dessert 5 EUR.");
        float[] description = model.embedQuery(invoices.description());

        float[] plain = LabelCentres.centre(description, List.of(), List.of());
        float[] pulled = LabelCentres.centre(description, List.of(), List.of(menu));

        assertThat(LabelCentres.dot(menu, pulled)).isLessThan(LabelCentres.dot(menu, plain) - 0.05);
        assertThat(classifier(List.of(), List.of(menu))
                .classify(file("Invoice 2041. Amount due: 310 EUR within 30 days of receipt."), 0).label())
                .as("a real invoice keeps its label").isEqualTo("invoices");
    }

    @Test
    void belowTheThresholdAFileGetsNoLabelButKeepsItsBestGuess() {
        LabelClassifier labels = classifier(List.of(), List.of());
        float[] mixed = file("Invoice for the cooking class: ingredients and baking tins, 80 EUR due on arrival.");
        LabelGuess open = labels.classify(mixed, 0);

        LabelGuess strict = labels.classify(mixed, open.confidence() + 1e-9);

        assertThat(open.labelled()).isTrue();
        assertThat(open.confidence()).isBetween(1.0 / 2, 1.0);
        assertThat(strict.labelled()).isFalse();
        assertThat(strict.best()).isEqualTo(open.label());
    }

    @Test
    void aLabelNeedsAName() {
        assertThatThrownBy(() -> new Label(" ", "words")).isInstanceOf(SemdexException.class)
                .hasMessage("A label needs a name.");
    }
}
