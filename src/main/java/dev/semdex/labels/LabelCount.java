package dev.semdex.labels;

/** A label with how many files have it now and how many of those the user confirmed. */
public record LabelCount(Label label, int files, int confirmed) {}
