package dev.semdex.extract;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.charset.Charset;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import org.apache.tika.mime.MediaType;

import dev.semdex.SemdexException;

/**
 * Walks a folder and reports, one at a time, the files worth indexing and the ones left out for a reason the user
 * should see. It streams so that a tree of hundreds of thousands of files needs memory only for the folders on the
 * current path, and it visits each folder's entries in name order so two scans of the same tree agree.
 *
 * <p>Symbolic links are followed, to files and to folders, but a folder already visited (a loop, or the same folder
 * reached again through another link) is not entered twice. Hidden entries, version-control and build-output folders,
 * and anything matched by the user's exclusion patterns or a .gitignore/.semdexignore are left out silently; so are
 * vendored dependencies in a source tree, whose own code is counted as not documents unless the user opts in (see
 * {@link SourceTrees}).
 *
 * <p>Only names are used to decide a file's type; see {@link FileTypes}.
 */
public final class FolderScanner {

    /** Folders of generated or downloaded files that nobody wants in search results; hidden ones go anyway. */
    static final Set<String> GENERATED_FOLDERS = Set.of(
            "node_modules", "target", "build", "dist", "out", "__pycache__", "venv", "bower_components");

    /** Entries of one folder still to visit, with the ignore rules that apply inside it. */
    private static final class Folder {
        final Path path;
        final String relative;
        final Object key;
        final List<String> names;
        final IgnoreRules rules;
        /** Inside a source tree ({@link SourceTrees}), and there inside its documentation. */
        final boolean sourceTree;
        final boolean docs;
        int next;

        Folder(Path path, String relative, Object key, List<String> names, IgnoreRules rules, boolean sourceTree,
                boolean docs) {
            this.path = path;
            this.relative = relative;
            this.key = key;
            this.names = names;
            this.rules = rules;
            this.sourceTree = sourceTree;
            this.docs = docs;
        }
    }

    /**
     * @throws SemdexException       if the root is missing, not a folder or cannot be read: the caller must not take
     *                               that for an empty folder and forget what it had indexed there
     * @throws CancellationException if the thread is interrupted; the interrupt flag stays set
     */
    public void scan(Path root, ScanOptions options, Consumer<ScannedFile> onFile, Consumer<SkippedFile> onSkipped) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(onFile, "onFile");
        Objects.requireNonNull(onSkipped, "onSkipped");
        Path start = root.toAbsolutePath().normalize();
        BasicFileAttributes rootAttributes = rootAttributes(start);
        Object rootKey = folderKey(start, rootAttributes);

        Set<Object> visited = new HashSet<>();
        Set<Object> onPath = new HashSet<>();
        Deque<Folder> stack = new ArrayDeque<>();
        IgnoreRules userRules = IgnoreRules.fromUserPatterns(options.exclusionPatterns());
        List<String> rootNames;
        try {
            rootNames = listNames(start);
        } catch (IOException e) {
            throw new SemdexException("Cannot read the folder " + start + ": " + reason(e) + ".", e);
        }
        stack.push(new Folder(start, "", rootKey, rootNames, userRules.withIgnoreFiles("", ignoreFiles(start, rootNames)),
                SourceTrees.isSourceTree(rootNames), false));
        visited.add(rootKey);
        onPath.add(rootKey);

        while (!stack.isEmpty()) {
            checkCancelled();
            Folder folder = stack.peek();
            if (folder.next == folder.names.size()) {
                stack.pop();
                onPath.remove(folder.key);
                continue;
            }
            String name = folder.names.get(folder.next++);
            if (name.startsWith(".")) {
                continue;
            }
            Path path = folder.path.resolve(name);
            String relative = folder.relative.isEmpty() ? name : folder.relative + "/" + name;
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isSymbolicLink()) {
                    attributes = Files.readAttributes(path, BasicFileAttributes.class);
                }
            } catch (NoSuchFileException e) {
                if (name.indexOf('\uFFFD') >= 0) {
                    // The name's bytes are not valid in the system's encoding, so Java cannot name the file again.
                    onSkipped.accept(new SkippedFile(path, "the file name is not valid " + Charset.forName(
                            System.getProperty("sun.jnu.encoding", "UTF-8")).displayName()
                            + " text; rename the file to index it"));
                } else if (Files.isSymbolicLink(path)) {
                    onSkipped.accept(new SkippedFile(path, "broken symbolic link"));
                }
                continue; // otherwise deleted while we were scanning
            } catch (IOException e) {
                onSkipped.accept(new SkippedFile(path, reason(e)));
                continue;
            }

            if (attributes.isDirectory()) {
                if (GENERATED_FOLDERS.contains(name) || folder.rules.isIgnored(relative, true)
                        || folder.sourceTree && SourceTrees.isVendored(name)) {
                    continue;
                }
                Object key = folderKey(path, attributes);
                if (onPath.contains(key)) {
                    onSkipped.accept(new SkippedFile(path, "symbolic link loop (points to a folder that contains it)"));
                    continue;
                }
                if (!visited.add(key)) {
                    onSkipped.accept(new SkippedFile(path, "same folder as one already scanned through another link"));
                    continue;
                }
                List<String> names;
                try {
                    names = listNames(path);
                } catch (IOException e) {
                    onSkipped.accept(new SkippedFile(path, reason(e)));
                    continue;
                }
                onPath.add(key);
                boolean sourceTree = folder.sourceTree || SourceTrees.isSourceTree(names);
                stack.push(new Folder(path, relative, key, names,
                        folder.rules.withIgnoreFiles(relative, ignoreFiles(path, names)), sourceTree,
                        sourceTree && (folder.docs || SourceTrees.isDocsFolder(name))));
            } else if (attributes.isRegularFile()) {
                if (folder.rules.isIgnored(relative, false)) {
                    continue;
                }
                String skipReason = skipReason(path, attributes.size(), options, folder);
                if (skipReason != null) {
                    onSkipped.accept(new SkippedFile(path, skipReason));
                } else {
                    onFile.accept(new ScannedFile(path, attributes.size(), attributes.lastModifiedTime().toMillis()));
                }
            }
            // Pipes, sockets and devices are never documents, and opening a pipe would block the scan.
        }
    }

    private static String skipReason(Path file, long size, ScanOptions options, Folder folder) {
        String asset = NotDocuments.byName(file, size);
        if (asset != null) {
            return asset;
        }
        if (size > options.maxFileBytes()) {
            return "larger than " + ByteSizes.format(options.maxFileBytes()) + " (" + ByteSizes.format(size) + ")";
        }
        if (size == 0) {
            // An empty __init__.py or .keep is how projects mark folders: nothing anyone needs to hear about.
            return folder.sourceTree ? SkipReasons.NOT_A_DOCUMENT + " (empty file)" : "empty file";
        }
        if (!Files.isReadable(file)) {
            return SkipReasons.PERMISSION_DENIED;
        }
        FileTypes.Verdict verdict = FileTypes.classify(file);
        if (verdict.supported() && FileTypes.isOcrImage(verdict.mediaType())) {
            return options.imageSkipReason();
        }
        if (!verdict.supported() && folder.sourceTree) {
            return SkipReasons.NOT_A_DOCUMENT + " (project file)"; // test data, archives, compiled code
        }
        if (!verdict.supported()) {
            String type = verdict.mediaType().equals(MediaType.OCTET_STREAM)
                    ? "unknown binary format" : verdict.mediaType().toString();
            return "unsupported file type (" + type + ")";
        }
        if (folder.sourceTree && !options.indexSourceCode()
                && SourceTrees.isCode(file, verdict.mediaType(), folder.docs)) {
            return SkipReasons.SOURCE_CODE;
        }
        return null;
    }

    private static BasicFileAttributes rootAttributes(Path root) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(root, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new SemdexException("The folder " + root + " does not exist.", e);
        } catch (IOException e) {
            throw new SemdexException("Cannot read the folder " + root + ": " + reason(e) + ".", e);
        }
        if (!attributes.isDirectory()) {
            throw new SemdexException(root + " is not a folder.");
        }
        return attributes;
    }

    /** Sorted names of one folder: the only list the scan holds, and only for folders on the current path. */
    private static List<String> listNames(Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        Collections.sort(names);
        return names;
    }

    private static List<Path> ignoreFiles(Path folder, List<String> names) {
        List<Path> found = new ArrayList<>(2);
        for (String ignoreFileName : IgnoreRules.IGNORE_FILE_NAMES) {
            if (Collections.binarySearch(names, ignoreFileName) >= 0) {
                Path file = folder.resolve(ignoreFileName);
                if (Files.isRegularFile(file)) {
                    found.add(file);
                }
            }
        }
        return found;
    }

    /** Identity of a folder that survives symbolic links: the inode where the platform has one, else the real path. */
    private static Object folderKey(Path folder, BasicFileAttributes attributes) {
        Object key = attributes.fileKey();
        if (key != null) {
            return key;
        }
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder;
        }
    }

    private static void checkCancelled() {
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Folder scan cancelled");
        }
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return SkipReasons.PERMISSION_DENIED;
        }
        if (e instanceof FileSystemLoopException) {
            return "symbolic link loop";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            String why = fse.getReason();
            if (why.toLowerCase(Locale.ROOT).contains("permission denied")) {
                return SkipReasons.PERMISSION_DENIED;
            }
            return SkipReasons.COULD_NOT_BE_READ + " (" + why + ")";
        }
        return SkipReasons.COULD_NOT_BE_READ;
    }
}
