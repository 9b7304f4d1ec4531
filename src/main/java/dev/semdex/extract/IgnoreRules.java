package dev.semdex.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * The ignore files in effect for one folder of a scan: the user's own patterns, then every .gitignore and
 * .semdexignore from that folder up to the root. Asked deepest first, like git, so a nested file can re-include with
 * {@code !} what a parent excluded. JGit's IgnoreNode does the matching so the rules mean exactly what they mean to git.
 */
final class IgnoreRules {

    static final List<String> IGNORE_FILE_NAMES = List.of(".gitignore", ".semdexignore");

    private final IgnoreNode userPatterns;
    private final Layer deepest;

    /** One folder's ignore files; {@code base} is the folder relative to the root, "" for the root itself. */
    private record Layer(String base, IgnoreNode node, Layer parent) {
    }

    private IgnoreRules(IgnoreNode userPatterns, Layer deepest) {
        this.userPatterns = userPatterns;
        this.deepest = deepest;
    }

    static IgnoreRules fromUserPatterns(List<String> lines) {
        IgnoreNode node = new IgnoreNode();
        if (!lines.isEmpty()) {
            try {
                node.parse("exclusion patterns",
                        new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException("reading from memory cannot fail", e);
            }
        }
        return new IgnoreRules(node, null);
    }

    /**
     * The rules for a subfolder that contains the given ignore files (an empty list returns this). An ignore file we
     * cannot read is passed over: it only narrows the scan, and the folder itself is reported if unreadable.
     */
    IgnoreRules withIgnoreFiles(String folder, List<Path> ignoreFiles) {
        if (ignoreFiles.isEmpty()) {
            return this;
        }
        IgnoreNode node = new IgnoreNode();
        boolean any = false;
        for (Path file : ignoreFiles) {
            try (InputStream in = Files.newInputStream(file)) {
                node.parse(file.toString(), in);
                any = true;
            } catch (IOException unreadable) {
                // Treated as an empty ignore file, as git does.
            }
        }
        return any ? new IgnoreRules(userPatterns, new Layer(folder, node, deepest)) : this;
    }

    /** @param path relative to the scanned root, '/'-separated */
    boolean isIgnored(String path, boolean directory) {
        Boolean verdict = decide(userPatterns, path, directory);
        if (verdict != null) {
            return verdict;
        }
        for (Layer layer = deepest; layer != null; layer = layer.parent) {
            String relative = layer.base.isEmpty() ? path : path.substring(layer.base.length() + 1);
            verdict = decide(layer.node, relative, directory);
            if (verdict != null) {
                return verdict;
            }
        }
        return false;
    }

    private static Boolean decide(IgnoreNode node, String path, boolean directory) {
        if (node.getRules().isEmpty()) {
            return null;
        }
        return switch (node.isIgnored(path, directory)) {
            case IGNORED -> Boolean.TRUE;
            case NOT_IGNORED -> Boolean.FALSE;
            default -> null;
        };
    }
}
