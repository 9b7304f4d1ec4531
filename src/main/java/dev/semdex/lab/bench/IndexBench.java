package dev.semdex.lab.bench;

import dev.semdex.cli.ProgressPrinter;
import dev.semdex.Semdex;
import dev.semdex.SemdexException;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.lab.eval.BeirDataset;
import dev.semdex.lab.bench.DocumentFiles;
import dev.semdex.index.IndexListener;
import dev.semdex.index.IndexProgress;
import dev.semdex.index.IndexSummary;
import dev.semdex.index.StageTimes;
import dev.semdex.settings.AppDirs;
import dev.semdex.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Indexing a folder end to end as a user would: real PDF, Word, HTML, Markdown and text files written from BEIR
 * documents, indexed with the default model, with the time split by stage, the re-check of the unchanged folder,
 * and langchain4j's fp32 model (the peer's default) embedding a sample of the same passages in the same run. When
 * more files are asked for than the corpus has documents, the extra files are the same documents in another format
 * (the PDF and the Word copy of one paper), and the line says how many distinct documents there were.
 *
 * <p>The split by stage comes twice: busy time per stage ({@code extract_s} … {@code store_s}; extraction runs on
 * its own thread and overlaps the model, so these add up to more than the run), and CPU time: the model's threads
 * against everything else the process did ({@code other_cpu_s}), which is then split into the JVM's JIT compiler and
 * garbage-collector threads and the rest ({@code work_cpu_s}: extraction, chunking, hashing, SQLite, scheduling), so
 * that "how much does the work around the model cost" is answered both with and without the JVM's own overhead.
 *
 * <p>With {@code --scans N} the folder also holds N of the documents printed and scanned (PNG, JPEG and image-only
 * PDF, 150–300 dpi), which the OCR stage reads; the line then gives OCR pages/s and, as the baseline measured in the
 * same run, the rate of the {@code tesseract} command itself on a sample of the same images, run as a user would
 * (its default threads) and single-threaded as Semdex runs it.
 */
@Command(name = "index", description = "Index a generated folder of mixed file types end to end; report the time "
        + "per stage, the re-check time and the peer's passages/s on the same passages.")
final class IndexBench implements Callable<Integer> {

    @Option(names = "--docs", defaultValue = "10000", paramLabel = "N", description = "Files to write.")
    int docs;

    @Option(names = "--model", defaultValue = ModelCatalog.DEFAULT_MODEL, paramLabel = "ID")
    String model;

    @Option(names = "--beir", paramLabel = "DIR", defaultValue = "../shared/datasets/scifact",
            description = "Dataset whose corpus supplies the documents (default: ${DEFAULT-VALUE}).")
    Path beir;

    @Option(names = "--peer-passages", defaultValue = "600", paramLabel = "N",
            description = "Passages the peer embeds for its rate; 0 skips the peer (default: ${DEFAULT-VALUE}).")
    int peerPassages;

    @Option(names = "--scans", defaultValue = "0", paramLabel = "N",
            description = "Scanned documents to add (images and image-only PDFs, read by OCR; default: ${DEFAULT-VALUE}).")
    int scans;

    @Option(names = "--cli-sample", defaultValue = "20", paramLabel = "N",
            description = "Scanned images the tesseract command reads on its own for the baseline (default: "
                    + "${DEFAULT-VALUE}).")
    int cliSample;

    @Option(names = "--no-ocr", description = "Run with OCR turned off in the settings, as a baseline for a folder "
            + "without images.")
    boolean noOcr;

    @Option(names = "--work", paramLabel = "DIR", description = "Where to write the folder and the index "
            + "(default: a new folder under the system's temp folder, deleted afterwards).")
    Path work;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(beir)) {
            throw new SemdexException("No dataset at " + beir + "; pass --beir DIR.");
        }
        List<BeirDataset.Doc> corpus = BeirDataset.load(beir).corpus();
        try (BenchDir dir = BenchDir.open(work, "semdex-index-bench")) {
            Path folder = dir.resolve("documents");
            long t0 = System.nanoTime();
            writeFolder(folder, corpus);
            List<Path> images = writeScans(folder.resolve("scans"), corpus);
            System.err.printf(Locale.ROOT, "Wrote %,d files and %,d scans in %.1f s%n", docs, scans,
                    (System.nanoTime() - t0) / 1e9);
            try (Semdex semdex = Semdex.open(AppDirs.under(dir.resolve("data")),
                    Settings.defaults().withEmbeddingThreads(Runtime.getRuntime().availableProcessors())
                            .withOcr(!noOcr, null, 0, null))) {
                run(semdex, folder, Math.min(docs, corpus.size()), dir, images);
            }
        }
        return 0;
    }

    private void writeFolder(Path folder, List<BeirDataset.Doc> corpus) throws IOException {
        List<String> formats = DocumentFiles.FORMATS;
        for (int i = 0; i < docs; i++) {
            BeirDataset.Doc doc = corpus.get(i % corpus.size());
            int copy = i / corpus.size();
            String format = formats.get((i + copy) % formats.size());
            Path sub = folder.resolve((copy == 0 ? "papers/" : "copies-" + copy + "/") + format);
            Files.createDirectories(sub);
            DocumentFiles.write(sub.resolve(doc.id() + "-" + DocumentFiles.slug(doc.title()) + "." + format), format,
                    doc.title(), doc.text());
        }
    }

    /** The scanned documents; returns the image files among them, for the baseline. */
    private List<Path> writeScans(Path folder, List<BeirDataset.Doc> corpus) throws IOException {
        List<Path> images = new ArrayList<>();
        if (scans == 0) {
            return images;
        }
        Files.createDirectories(folder);
        for (int i = 0; i < scans; i++) {
            BeirDataset.Doc doc = corpus.get(i % corpus.size());
            String format = ScannedDocuments.FORMATS.get(i % ScannedDocuments.FORMATS.size());
            Path file = folder.resolve(doc.id() + "-" + i + "." + format);
            ScannedDocuments.write(file, format, doc.title(), doc.text(), ScannedDocuments.Scan.varied(i), i);
            if (!format.equals("pdf")) {
                images.add(file);
            }
        }
        return images;
    }

    private void run(Semdex semdex, Path folder, int distinct, BenchDir dir, List<Path> images) {
        Embedder embedder = semdex.embedder(model);
        CpuTimes before = CpuTimes.now();
        long t0 = System.nanoTime();
        ProgressPrinter printer = new ProgressPrinter(System.err);
        long[] textsStoredAt = {0};
        IndexSummary first = semdex.indexer().index(List.of(folder), embedder, new IndexListener() {
            @Override
            public void scanned(Path scannedFolder, int filesFound) {
                printer.scanned(scannedFolder, filesFound);
            }

            @Override
            public void textsStored(Path storedFolder, int files) {
                textsStoredAt[0] = System.nanoTime();
                printer.textsStored(storedFolder, files);
            }

            @Override
            public void progress(IndexProgress progress) {
                printer.progress(progress);
            }

            @Override
            public void skipped(Path file, String reason) {
                printer.skipped(file, reason);
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        double keywordSeconds = (textsStoredAt[0] - t0) / 1e9;
        CpuTimes cpu = CpuTimes.now().minus(before);
        long t1 = System.nanoTime();
        IndexSummary again = semdex.indexer().index(List.of(folder), embedder, IndexListener.NONE);
        double recheckSeconds = (System.nanoTime() - t1) / 1e9;

        StageTimes st = first.stages();
        double passagesPerSecond = first.chunks() / seconds;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "bench=index docs=%d distinct_docs=%d model=%s keyword_searchable_s=%.1f seconds=%.1f "
                        + "files_per_s=%.1f chunks=%d "
                        + "passages_embedded=%d vectors_reused=%d skipped=%d passages_per_s=%.1f extract_s=%.1f "
                        + "chunk_s=%.1f embed_s=%.1f store_s=%.1f cpu_s=%.1f model_cpu_s=%.1f other_cpu_s=%.1f "
                        + "other_cpu_pct=%.1f jit_cpu_s=%.1f gc_cpu_s=%.1f work_cpu_s=%.1f work_cpu_pct=%.1f "
                        + "recheck_s=%.2f recheck_unchanged=%d", docs, distinct,
                embedder.model().id(), keywordSeconds, seconds, first.filesIndexed() / seconds, first.chunks(),
                first.passagesEmbedded(), first.reusedVectors(), first.skipped().size(), passagesPerSecond,
                secs(st.extracting()), secs(st.chunking()), secs(st.embedding()), secs(st.storing()),
                cpu.process(), cpu.embedding(), cpu.process() - cpu.embedding(),
                100 * (cpu.process() - cpu.embedding()) / cpu.process(), cpu.compiler(), cpu.collector(), cpu.rest(),
                100 * cpu.rest() / cpu.process(), recheckSeconds, again.filesUnchanged()));
        if (peerPassages > 0) {
            String peerModel = ModelCatalog.FORMER_DEFAULT_MODEL;
            List<String> sample = semdex.store().chunks().texts(embedder.model().chunkProfile(), peerPassages);
            PeerEmbedder peer = semdex.models().localFiles(peerModel)
                    .map(files -> PeerEmbedder.open(semdex.catalog().require(peerModel), files, dir.path()))
                    .orElseThrow(() -> new SemdexException("The peer's model " + peerModel + " is not here."));
            peer.embed(sample.subList(0, Math.min(32, sample.size())));
            long t2 = System.nanoTime();
            peer.embed(sample);
            double peerRate = sample.size() / ((System.nanoTime() - t2) / 1e9);
            line.append(String.format(Locale.ROOT, " peer=%s peer_model=%s peer_passages_per_s=%.1f ratio=%.2f",
                    PeerEmbedder.NAME, peerModel, peerRate, passagesPerSecond / peerRate));
        }
        line.append(" ocr_enabled=").append(!noOcr);
        line.append(String.format(Locale.ROOT, " scans=%d ocr_s=%.1f ocr_pages=%d ocr_pages_per_s=%.2f", scans,
                secs(st.ocr()), st.ocrPages(), st.ocrPages() == 0 ? 0 : st.ocrPages() / secs(st.ocr())));
        if (!images.isEmpty() && cliSample > 0) {
            List<Path> sample = images.subList(0, Math.min(cliSample, images.size()));
            line.append(String.format(Locale.ROOT, " tesseract_cli_pages_per_s=%.2f tesseract_cli_1thread_pages_per_s=%.2f",
                    TesseractCli.pagesPerSecond(sample, false), TesseractCli.pagesPerSecond(sample, true)));
        }
        line.append(String.format(Locale.ROOT, " peak_rss_mb=%d threads=%d", TreeBench.peakRssMegabytes(),
                semdex.models().embeddingThreads()));
        System.out.println(line);
    }

    private static double secs(Duration d) {
        return d.toNanos() / 1e9;
    }
}
