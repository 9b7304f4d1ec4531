package dev.semdex.embed;

import java.util.Locale;
import java.util.Map;

/**
 * What the model manager shows about a catalog entry and what a download must match. Checksums are pinned together
 * with the revision they belong to: a checksum for a moving branch would reject the next honest update.
 *
 * @param parameters    e.g. "33M"; empty when unknown
 * @param downloadBytes bytes the download fetches (model and tokenizer), 0 for bundled or unknown
 * @param licence       SPDX id from the model card, e.g. "Apache-2.0"
 * @param revision      hub revision the checksums belong to; null means {@code main}
 * @param sha256        file name in the repository → SHA-256 (lower-case hex) to insist on when downloading
 */
public record ModelDetails(String parameters, long downloadBytes, String licence, String revision,
        Map<String, String> sha256) {

    public static final ModelDetails NONE = new ModelDetails("", 0, "", null, Map.of());

    public ModelDetails {
        parameters = parameters == null ? "" : parameters;
        licence = licence == null ? "" : licence;
        sha256 = sha256 == null ? Map.of() : Map.copyOf(sha256);
    }

    public static ModelDetails of(String parameters, long downloadBytes, String licence) {
        return new ModelDetails(parameters, downloadBytes, licence, null, Map.of());
    }

    /** The same details with checksums pinned for files of one revision. */
    public ModelDetails pinned(String newRevision, Map<String, String> checksums) {
        return new ModelDetails(parameters, downloadBytes, licence, newRevision, checksums);
    }

    /** The pinned checksum of a file, or null when none is pinned (the hub's own checksum is used then). */
    public String sha256Of(String file) {
        String sha = sha256.get(file);
        return sha == null ? null : sha.toLowerCase(Locale.ROOT);
    }
}
