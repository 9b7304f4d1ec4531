package dev.semdex.embed;

/** How token vectors become one passage vector; each model was trained with one of these and needs the same. */
public enum Pooling {
    MEAN,
    CLS
}
