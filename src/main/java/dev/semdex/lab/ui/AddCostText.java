package dev.semdex.lab.ui;

import dev.semdex.models.AddModelCost;
import dev.semdex.models.SciFactQuality;
import dev.semdex.ui.common.Formats;
import java.util.Locale;
import java.util.Optional;

/** The line under "Add a model to the index": how long adding it takes here, and how good it is. */
final class AddCostText {

    private AddCostText() {}

    /** "under a minute", "12 min", "1 h 20 min": an estimate is not read to the second. */
    static String rough(java.time.Duration d) {
        long min = Math.round(d.toSeconds() / 60.0);
        if (min < 1) {
            return "under a minute";
        }
        return min < 60 ? min + " min" : min / 60 + " h" + (min % 60 == 0 ? "" : " " + min % 60 + " min");
    }

    /** @param current the model the window searches with now, to compare the quality figures with */
    static String of(AddModelCost cost, String current) {
        StringBuilder text = new StringBuilder();
        if (cost.passages() == 0) {
            text.append("No passages indexed yet: adding it is quick.");
        } else if (cost.estimate().isPresent()) {
            String time = rough(cost.estimate().get());
            text.append(String.format(Locale.ENGLISH, "%s for %s passages (%s passages/s %s).",
                    time.startsWith("under") ? "Under a minute" : "About " + time, Formats.count(cost.passages()),
                    Formats.rate(cost.passagesPerSecond().getAsDouble()),
                    cost.measuredInRun() ? "in its last run here" : "measured here just now"));
        } else {
            text.append(Formats.count(cost.passages())).append(" passages to embed; its speed here is not known.");
        }
        Optional<SciFactQuality.Figures> q = cost.quality();
        if (q.isPresent()) {
            text.append(String.format(Locale.ENGLISH, " SciFact nDCG@10: hybrid %.3f, semantic %.3f",
                    q.get().hybrid(), q.get().vector()));
            Optional<SciFactQuality.Figures> now = current == null || current.equals(cost.modelId())
                    ? Optional.empty() : SciFactQuality.of(current);
            now.ifPresent(n -> text.append(String.format(Locale.ENGLISH, " (%s: %.3f, %.3f)", current, n.hybrid(),
                    n.vector())));
            text.append('.');
        } else {
            text.append(" No quality figures for it yet.");
        }
        if (cost.judgedQueries() > 0) {
            text.append(" You judged ").append(Formats.plural(cost.judgedQueries(), "query", "queries"))
                    .append(": the Quality tab ranks the models on them.");
        }
        return text.toString();
    }
}
