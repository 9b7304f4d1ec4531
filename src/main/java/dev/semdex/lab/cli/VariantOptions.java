package dev.semdex.lab.cli;

import dev.semdex.lab.compare.Precision;
import dev.semdex.lab.compare.VectorVariant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --dims} and {@code --precision}: the cheaper vector forms to measure against each model's full vectors. */
final class VariantOptions {

    @Option(names = "--dims", split = ",", paramLabel = "D",
            description = "Also try the first D dimensions of each vector, re-normalised, e.g. 256,128.")
    List<Integer> dims = new ArrayList<>();

    @Option(names = "--precision", split = ",", paramLabel = "P",
            description = "Also try these precisions: f32, int8, binary (binary is re-scored with floats).")
    List<String> precisions = new ArrayList<>();

    List<Precision> parsedPrecisions() {
        return precisions.stream().map(Precision::parse).toList();
    }

    /** The requested forms a model of this dimension can take ({@code dims} defaults to the model's own). */
    List<VectorVariant> variants(int modelDimension) {
        return VectorVariant.cheaperForms(modelDimension, dims, parsedPrecisions());
    }

    boolean any() {
        return !dims.isEmpty() || !precisions.isEmpty();
    }
}
