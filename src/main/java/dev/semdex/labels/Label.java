package dev.semdex.labels;

/**
 * A category the user defines: a name and a few words that say what belongs in it ("invoices: bills, amounts due,
 * payment terms").
 */
public record Label(String name, String words) {

    public Label {
        if (name == null || name.isBlank()) {
            throw new dev.semdex.SemdexException("A label needs a name.");
        }
        name = name.strip();
        words = words == null ? "" : words.strip();
    }

    /** What the model reads: the name, then the words, as a query describing the files wanted. */
    public String description() {
        return words.isEmpty() ? name : name + ": " + words;
    }
}
