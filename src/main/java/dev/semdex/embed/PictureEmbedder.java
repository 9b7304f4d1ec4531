package dev.semdex.embed;

import java.nio.file.Path;

/**
 * A two-tower (CLIP-style) model: besides embedding text with its text tower, as every {@link Embedder} does, it
 * embeds pictures with its image tower into the same space, so that a query's vector ranks photos by what they show.
 */
public interface PictureEmbedder extends Embedder {

    /**
     * The unit-length vector of an image file, preprocessed as the model's {@code preprocessor_config.json} says.
     *
     * @throws dev.semdex.SemdexException when the file cannot be decoded as a picture, with the reason
     */
    float[] embedPicture(Path image);
}
