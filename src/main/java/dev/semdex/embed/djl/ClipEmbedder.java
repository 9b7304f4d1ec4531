package dev.semdex.embed.djl;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import dev.semdex.SemdexException;
import dev.semdex.chunk.TextTokenizer;
import dev.semdex.embed.ModelSpec;
import dev.semdex.embed.PictureEmbedder;
import dev.semdex.embed.Vectors;
import dev.semdex.embed.image.ImagePreprocessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A two-tower model in the layout of the hub's CLIP ONNX exports ({@code onnx/text_model.onnx} and
 * {@code onnx/vision_model.onnx}, as in jinaai/jina-clip-v1 and Xenova/clip-vit-base-patch32) on ONNX Runtime. The
 * text tower reads the token inputs it declares ({@code input_ids}, and {@code attention_mask} or
 * {@code token_type_ids} where an export has them) and gives {@code text_embeds}; the image tower reads
 * {@code pixel_values} and gives {@code image_embeds}. The towers pool and project themselves, so their outputs are
 * taken as they come and scaled to unit length: a text and a picture are then compared by their dot product.
 */
public final class ClipEmbedder implements PictureEmbedder {

    private static final List<String> TEXT_OUTPUTS = List.of("text_embeds", "sentence_embedding", "pooler_output");
    private static final List<String> IMAGE_OUTPUTS = List.of("image_embeds", "pooler_output");

    private final ModelSpec spec;
    private final ZooModel<NDList, NDList> textModel;
    private final ZooModel<NDList, NDList> visionModel;
    private final HuggingFaceTokenizer inputTokenizer;
    private final HuggingFaceTokenizer countingTokenizer;
    private final TextTokenizer textTokenizer;
    private final ImagePreprocessor preprocessor;
    private final BlockingQueue<Predictor<String, float[]>> texts;
    private final BlockingQueue<Predictor<float[], float[]>> pictures;
    private final int dimension;
    private final int maxPassageTokens;
    /** As in {@link DjlEmbedder}: closing waits for runs inside a session, which ONNX Runtime cannot free. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private ClipEmbedder(ModelSpec spec, ZooModel<NDList, NDList> textModel, ZooModel<NDList, NDList> visionModel,
            HuggingFaceTokenizer inputTokenizer, HuggingFaceTokenizer countingTokenizer,
            ImagePreprocessor preprocessor, int threads) {
        this.spec = spec;
        this.textModel = textModel;
        this.visionModel = visionModel;
        this.inputTokenizer = inputTokenizer;
        this.countingTokenizer = countingTokenizer;
        this.textTokenizer = new HfTextTokenizer(countingTokenizer);
        this.preprocessor = preprocessor;
        List<String> textInputs = inputNames(textModel);
        String pixelInput = inputNames(visionModel).get(0);
        this.texts = new ArrayBlockingQueue<>(threads);
        this.pictures = new ArrayBlockingQueue<>(threads);
        for (int i = 0; i < threads; i++) {
            texts.add(textModel.newPredictor(new TextTranslator(inputTokenizer, textInputs)));
            pictures.add(visionModel.newPredictor(new PictureTranslator(pixelInput, preprocessor)));
        }
        this.maxPassageTokens = spec.maxTokens() - 2 - textTokenizer.count(spec.passagePrefix());
        this.dimension = embedQuery("dimension probe").length;
        float[] blank = new float[3 * preprocessor.outputWidth() * preprocessor.outputHeight()];
        int pictureDimension = run(pictures, blank).length;
        if (pictureDimension != dimension) {
            close();
            throw new SemdexException("The two towers of '" + spec.id() + "' do not share one space: the text tower "
                    + "gives " + dimension + " numbers, the image tower " + pictureDimension + ".");
        }
    }

    /**
     * Opens both towers; {@code preprocessorConfig} says how pictures are resized, cropped and normalised.
     *
     * @param threads sessions per tower that may run at once
     */
    public static ClipEmbedder open(ModelSpec spec, Path textModel, Path visionModel, Path tokenizerJson,
            Path preprocessorConfig, int threads) {
        for (Path file : List.of(textModel, visionModel, tokenizerJson, preprocessorConfig)) {
            if (!Files.isRegularFile(file)) {
                throw new SemdexException("Model file not found: " + file);
            }
        }
        ImagePreprocessor preprocessor = ImagePreprocessor.read(preprocessorConfig);
        HuggingFaceTokenizer input = HfTokenizers.forModelInput(tokenizerJson, spec.maxTokens());
        HuggingFaceTokenizer counting = HfTokenizers.forCounting(tokenizerJson);
        ZooModel<NDList, NDList> text = null;
        try {
            text = load(spec, textModel);
            ZooModel<NDList, NDList> vision = load(spec, visionModel);
            return new ClipEmbedder(spec, text, vision, input, counting, preprocessor, Math.max(1, threads));
        } catch (RuntimeException e) {
            if (text != null) {
                text.close();
            }
            input.close();
            counting.close();
            throw e;
        }
    }

    private static ZooModel<NDList, NDList> load(ModelSpec spec, Path file) {
        String name = file.getFileName().toString();
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(file.getParent())
                .optModelName(name.substring(0, name.lastIndexOf('.')))
                .optEngine("OnnxRuntime")
                .optOption("intraOpNumThreads", "1")
                .optOption("interOpNumThreads", "1")
                .build();
        try {
            return criteria.loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            throw new SemdexException("Cannot load model '" + spec.id() + "' from " + file + ": " + e.getMessage(),
                    e);
        }
    }

    private static List<String> inputNames(ZooModel<?, ?> model) {
        List<String> names = model.describeInput() == null ? List.of() : model.describeInput().keys();
        if (names.isEmpty()) {
            throw new SemdexException("The model file " + model.getModelPath() + " declares no inputs.");
        }
        return names;
    }

    @Override
    public ModelSpec model() {
        return spec;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public TextTokenizer tokenizer() {
        return textTokenizer;
    }

    @Override
    public int maxPassageTokens() {
        return maxPassageTokens;
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        List<float[]> out = new ArrayList<>(passages.size());
        for (String passage : passages) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("Embedding cancelled");
            }
            out.add(Vectors.normalize(run(texts, spec.passagePrefix() + passage)));
        }
        return out;
    }

    @Override
    public float[] embedQuery(String query) {
        return Vectors.normalize(run(texts, spec.queryPrefix() + query));
    }

    @Override
    public float[] embedPicture(Path image) {
        float[] pixels = preprocessor.pixelValues(image);
        return Vectors.normalize(run(pictures, pixels));
    }

    private <I> float[] run(BlockingQueue<Predictor<I, float[]>> pool, I input) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new CancellationException("Model '" + spec.id() + "' was closed");
            }
            return PooledPredictors.predict(pool, input, spec.id());
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            texts.forEach(Predictor::close);
            pictures.forEach(Predictor::close);
            textModel.close();
            visionModel.close();
            inputTokenizer.close();
            countingTokenizer.close();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private static float[] output(NDList list, List<String> preferred) {
        for (String name : preferred) {
            if (list.contains(name)) {
                return list.get(name).toFloatArray();
            }
        }
        return list.get(0).toFloatArray();
    }

    /** One text to the inputs the text tower declares; its own pooled, projected output back. */
    private record TextTranslator(HuggingFaceTokenizer tokenizer, List<String> inputs)
            implements NoBatchifyTranslator<String, float[]> {

        @Override
        public NDList processInput(TranslatorContext ctx, String text) {
            Encoding encoding = tokenizer.encode(text);
            NDManager manager = ctx.getNDManager();
            Shape shape = new Shape(1, encoding.getIds().length);
            NDList list = new NDList();
            for (String name : inputs) {
                long[] values = switch (name) {
                    case "input_ids" -> encoding.getIds();
                    case "attention_mask" -> encoding.getAttentionMask();
                    case "token_type_ids" -> encoding.getTypeIds();
                    default -> throw new SemdexException("The text tower asks for an input Semdex cannot give: "
                            + name);
                };
                NDArray array = manager.create(values, shape);
                array.setName(name);
                list.add(array);
            }
            return list;
        }

        @Override
        public float[] processOutput(TranslatorContext ctx, NDList list) {
            return output(list, TEXT_OUTPUTS);
        }
    }

    /** Preprocessed pixels, channel by channel, to the image tower's one input. */
    private record PictureTranslator(String input, ImagePreprocessor preprocessor)
            implements NoBatchifyTranslator<float[], float[]> {

        @Override
        public NDList processInput(TranslatorContext ctx, float[] pixels) {
            NDArray array = ctx.getNDManager().create(pixels,
                    new Shape(1, 3, preprocessor.outputHeight(), preprocessor.outputWidth()));
            array.setName(input);
            return new NDList(array);
        }

        @Override
        public float[] processOutput(TranslatorContext ctx, NDList list) {
            return output(list, IMAGE_OUTPUTS);
        }
    }
}
