package dev.semdex.lab.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A model offered with a check box, e.g. which models the quality table scores. */
public final class ModelChoice {

    private final String id;
    private final BooleanProperty chosen;

    public ModelChoice(String id, boolean chosen) {
        this.id = id;
        this.chosen = new SimpleBooleanProperty(chosen);
    }

    public String id() {
        return id;
    }

    public BooleanProperty chosenProperty() {
        return chosen;
    }

    public boolean isChosen() {
        return chosen.get();
    }
}
