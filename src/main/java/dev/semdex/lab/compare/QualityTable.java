package dev.semdex.lab.compare;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The per-model quality table as text for a terminal, CSV for a spreadsheet and Markdown for a report. */
public final class QualityTable {

    private static final List<String> HEADER = List.of("model", "dims", "precision", "exact", "bytes/vector",
            "index MB", "queries", "nDCG@10", "recall", "recall depth", "overlap@10 vs full", "search ms/query");

    private QualityTable() {}

    public static String toCsv(List<QualityRow> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(
                HEADER.toArray(String[]::new)).get())) {
            for (QualityRow r : rows) {
                csv.printRecord(cells(r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static String toMarkdown(List<QualityRow> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
        out.append("|").append("---|".repeat(HEADER.size())).append('\n');
        for (QualityRow r : rows) {
            out.append("| ").append(String.join(" | ", cells(r))).append(" |\n");
        }
        return out.toString();
    }

    /** Aligned columns for the command line. */
    public static String toText(List<QualityRow> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-28s %5s %-7s %-6s %7s %9s %7s %8s %8s %9s %9s%n",
                "model", "dims", "prec", "cut", "B/vec", "index MB", "queries", "nDCG@10", "recall", "overlap", "ms/query"));
        for (QualityRow r : rows) {
            out.append(String.format(Locale.ROOT, "%-28s %5d %-7s %-6s %7d %9.2f %7d %8.4f %8.4f %9.3f %9.2f%n",
                    r.model(), r.dimension(), r.precision(), r.exact() ? "exact" : "approx", r.bytesPerVector(),
                    megabytes(r.indexBytes()), r.queries(), r.ndcg10(), r.recall(), r.agreement(),
                    r.searchMillis()));
        }
        if (!rows.isEmpty()) {
            out.append(String.format(Locale.ROOT, "recall is Recall@%d; overlap is overlap@10 with the model's full "
                    + "vectors; 'approx' marks shortened vectors of a model not trained for it.%n",
                    rows.get(0).recallDepth()));
        }
        return out.toString();
    }

    private static List<String> cells(QualityRow r) {
        return List.of(r.model(), Integer.toString(r.dimension()), r.precision(), Boolean.toString(r.exact()),
                Long.toString(r.bytesPerVector()), String.format(Locale.ROOT, "%.3f", megabytes(r.indexBytes())),
                Integer.toString(r.queries()), String.format(Locale.ROOT, "%.4f", r.ndcg10()),
                String.format(Locale.ROOT, "%.4f", r.recall()), Integer.toString(r.recallDepth()),
                String.format(Locale.ROOT, "%.3f", r.agreement()),
                String.format(Locale.ROOT, "%.3f", r.searchMillis()));
    }

    private static double megabytes(long bytes) {
        return bytes / 1_000_000.0;
    }
}
