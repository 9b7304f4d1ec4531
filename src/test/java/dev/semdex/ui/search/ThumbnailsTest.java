package dev.semdex.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.SemdexException;
import dev.semdex.extract.PageThumbnails;
import dev.semdex.ui.ManualRunner;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Result pictures are made once, in the background, and shared by the rows and the preview that ask for them. */
class ThumbnailsTest {

    @TempDir
    Path dir;

    private final ManualRunner runner = new ManualRunner();
    private final List<String> asked = new ArrayList<>();

    /** The search port's thumbnails over the real picture maker, counting what it is asked. */
    private final SearchPort port = new SearchPort() {
        @Override
        public List<Path> indexedFolders() {
            return List.of();
        }

        @Override
        public List<String> fileTypes() {
            return List.of();
        }

        @Override
        public List<String> searchableModels(String preferred) {
            return List.of(preferred);
        }

        @Override
        public dev.semdex.search.SearchAnswer search(dev.semdex.search.SearchRequest request) {
            throw new UnsupportedOperationException("not searched here");
        }

        @Override
        public java.util.Map<Long, dev.semdex.search.BestSentence.Span> bestSentences(
                dev.semdex.search.SearchAnswer answer, List<dev.semdex.search.SearchResult> results) {
            return java.util.Map.of();
        }

        @Override
        public dev.semdex.search.Passage passage(long chunkId) {
            throw new UnsupportedOperationException("not previewed here");
        }

        @Override
        public byte[] thumbnail(Path file, int page, int maxSide) {
            asked.add(file.getFileName() + "#" + page + "@" + maxSide);
            try {
                return PageThumbnails.png(file, page, maxSide);
            } catch (IOException e) {
                throw new SemdexException("Cannot show " + file.getFileName() + ".", e);
            }
        }
    };
    private final Thumbnails<byte[]> thumbnails = new Thumbnails<>(port, runner, png -> png);

    private String image(String name) throws IOException {
        Path file = dir.resolve(name);
        ImageIO.write(new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        return file.toString();
    }

    @Test
    void aPictureIsMadeOnceAndThenShownAtOnce() throws Exception {
        String path = image("receipt.png");
        List<byte[]> shown = new ArrayList<>();

        runner.holdWork = true;
        thumbnails.get(path, 0, Thumbnails.LIST_SIZE, shown::add);
        thumbnails.get(path, 0, Thumbnails.LIST_SIZE, shown::add);
        assertThat(shown).as("nothing until made, off the UI thread").isEmpty();
        runner.runHeld();
        assertThat(shown).hasSize(2).allSatisfy(png -> assertThat(png).isNotEmpty());
        assertThat(asked).as("two rows asking at once share one job").containsExactly("receipt.png#0@64");

        thumbnails.get(path, 0, Thumbnails.LIST_SIZE, shown::add);
        assertThat(shown).as("kept: at once, without a job").hasSize(3);
        assertThat(thumbnails.jobs()).isEqualTo(1);

        runner.holdWork = false;
        thumbnails.get(path, 0, Thumbnails.PREVIEW_SIZE, shown::add);
        assertThat(asked).as("the preview's larger picture is its own").hasSize(2);
    }

    @Test
    void aFileWithoutPictureOrThatCannotBeReadIsAskedOnce() throws Exception {
        Path text = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "text");
        Path broken = java.nio.file.Files.write(dir.resolve("broken.jpg"), new byte[]{1, 2, 3});
        List<Object> shown = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            thumbnails.get(text.toString(), 0, 64, png -> shown.add(png == null ? "none" : png));
            thumbnails.get(broken.toString(), 0, 64, png -> shown.add(png == null ? "none" : png));
        }
        assertThat(shown).containsOnly("none").hasSize(6);
        assertThat(asked).containsExactly("notes.txt#0@64", "broken.jpg#0@64");
    }

    @Test
    void imagesHavePicturesInTheListAndPdfPagesOnlyInThePreview() {
        assertThat(Thumbnails.inList("/scans/Receipt.JPG")).isTrue();
        assertThat(Thumbnails.inList("/scans/letter.pdf")).isFalse();
        assertThat(Thumbnails.inPreview("/scans/letter.pdf", 3)).isTrue();
        assertThat(Thumbnails.inPreview("/notes/todo.txt", 0)).isFalse();
        assertThat(FileKind.of("photo.webp")).isEqualTo(FileKind.IMAGE);
    }
}
