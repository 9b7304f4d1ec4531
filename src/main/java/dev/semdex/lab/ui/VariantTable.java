package dev.semdex.lab.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** One model's cheaper vector forms against its full vectors: storage saved and how much ranking is kept. */
final class VariantTable {

    private VariantTable() {}

    static TableView<CompareViewModel.VariantRow> of(String modelId, List<CompareViewModel.VariantRow> rows, int k) {
        TableView<CompareViewModel.VariantRow> table = new TableView<>();
        table.setId("variants-" + modelId);
        table.getStyleClass().addAll("variant-table", "dense");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("vectors", r -> r.form(), 80));
        table.getColumns().add(column("cut", r -> r.dimension() == 0 ? "" : r.exact() ? "exact" : "approx.", 56,
                "exact: the model was trained for shorter vectors (Matryoshka); approx.: an approximation"));
        table.getColumns().add(column("index", r -> CompareViewModel.bytes(r.indexBytes()), 64));
        table.getColumns().add(column("saved", r -> String.format(Locale.ENGLISH, "%.0f%%", r.storageSaved() * 100),
                52));
        table.getColumns().add(column("overlap@" + k, r -> String.format(Locale.ENGLISH, "%.2f", r.overlap()), 70,
                "share of the full vectors' top " + k + " that this form keeps"));
        table.getColumns().add(column("RBO", r -> String.format(Locale.ENGLISH, "%.3f", r.rbo()), 52,
                "rank-biased overlap with the full vectors' ranking"));
        table.getColumns().add(column("ms", r -> String.format(Locale.ENGLISH, "%.1f", r.searchMillis()), 44));
        table.getItems().setAll(rows);
        table.setFixedCellSize(24);
        table.setPrefHeight(38 + 24 * rows.size());
        table.setMinHeight(table.getPrefHeight());
        table.setMaxHeight(table.getPrefHeight());
        return table;
    }

    private static TableColumn<CompareViewModel.VariantRow, String> column(String title,
            Function<CompareViewModel.VariantRow, String> value, double width) {
        TableColumn<CompareViewModel.VariantRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private static TableColumn<CompareViewModel.VariantRow, String> column(String title,
            Function<CompareViewModel.VariantRow, String> value, double width, String tip) {
        TableColumn<CompareViewModel.VariantRow, String> c = column(title, value, width);
        javafx.scene.control.Label header = new javafx.scene.control.Label(title);
        header.setTooltip(new javafx.scene.control.Tooltip(tip));
        c.setText("");
        c.setGraphic(header);
        return c;
    }
}
