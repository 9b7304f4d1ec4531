package dev.semdex.ui.common;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Column widths from what the columns hold: each column is at least as wide as its header (drawn bold) and its
 * longest value, so neither "Parameters" nor "ONNX Runtime" is cut to "…"; the table's resize policy shares out
 * any room left.
 */
public final class ColumnWidths {

    /** A cell's and a header's padding and the header's sort arrow room. */
    static final double PADDING = 26;

    private ColumnWidths() {}

    /** Sets every column's minimum width from its content; call again when the items change. */
    public static <S> void fit(TableView<S> table) {
        Font font = table.lookup(".column-header .label") instanceof javafx.scene.control.Labeled header
                ? header.getFont() : Font.getDefault();
        Font bold = Font.font(font.getFamily(), FontWeight.BOLD, font.getSize());
        for (TableColumn<S, ?> column : table.getColumns()) {
            double width = width(column.getText(), bold);
            for (int i = 0; i < table.getItems().size(); i++) {
                Object value = column.getCellData(i);
                width = Math.max(width, width(value == null ? "" : value.toString(), font));
            }
            column.setMinWidth(Math.ceil(width + PADDING));
            column.setPrefWidth(Math.max(column.getPrefWidth(), column.getMinWidth()));
        }
    }

    static double width(String text, Font font) {
        Text probe = new Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }
}
