package dev.semdex.embed.image;

/**
 * Resizes 8-bit RGB pixels the way Pillow's {@code Image.resize(size, Image.BICUBIC)} does, which is what the Python
 * preprocessing of CLIP models (Hugging Face's CLIPImageProcessor, open_clip, torchvision on PIL images) runs: a
 * separable convolution with the cubic kernel of a = -0.5, widened by the scale when shrinking (so a photo reduced
 * tenfold is averaged, not sampled), coefficients in 22-bit fixed point, the horizontal pass first, and each pass
 * rounded to 8 bits. Java2D's bicubic does not widen the kernel and DJL's resize uses Java2D's smooth scaling, so
 * either would feed the model other pixels than the ones it was trained and evaluated on.
 */
final class PilBicubic {

    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final double SUPPORT = 2.0;

    private PilBicubic() {}

    /** Pixels as {@code 0xRRGGBB} per int, row by row; returns the resized pixels in the same layout. */
    static int[] resize(int[] pixels, int width, int height, int newWidth, int newHeight) {
        int[] rows = width == newWidth ? pixels : horizontal(pixels, width, height, newWidth);
        return height == newHeight ? rows : vertical(rows, newWidth, height, newHeight);
    }

    /** Per output position: the first input index, how many inputs it reads, and their fixed-point weights. */
    private record Coefficients(int[] start, int[] count, int[][] weights) {}

    private static Coefficients coefficients(int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(1.0, scale);
        double support = SUPPORT * filterScale;
        int[] start = new int[outSize];
        int[] count = new int[outSize];
        int[][] weights = new int[outSize][];
        for (int out = 0; out < outSize; out++) {
            double center = (out + 0.5) * scale;
            int min = Math.max(0, (int) (center - support + 0.5));
            int max = Math.min(inSize, (int) (center + support + 0.5)) - min;
            double[] w = new double[max];
            double sum = 0;
            for (int x = 0; x < max; x++) {
                w[x] = cubic((x + min - center + 0.5) / filterScale);
                sum += w[x];
            }
            int[] fixed = new int[max];
            for (int x = 0; x < max; x++) {
                double normalised = sum != 0 ? w[x] / sum : w[x];
                fixed[x] = (int) (normalised < 0 ? -0.5 + normalised * (1 << PRECISION_BITS)
                        : 0.5 + normalised * (1 << PRECISION_BITS));
            }
            start[out] = min;
            count[out] = max;
            weights[out] = fixed;
        }
        return new Coefficients(start, count, weights);
    }

    private static double cubic(double x) {
        double a = -0.5;
        x = Math.abs(x);
        if (x < 1.0) {
            return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
        }
        if (x < 2.0) {
            return (((x - 5) * x + 8) * x - 4) * a;
        }
        return 0.0;
    }

    private static int[] horizontal(int[] in, int width, int height, int newWidth) {
        Coefficients k = coefficients(width, newWidth);
        int[] out = new int[newWidth * height];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < newWidth; x++) {
                int r = 1 << (PRECISION_BITS - 1);
                int g = r;
                int b = r;
                int[] w = k.weights()[x];
                for (int i = 0; i < k.count()[x]; i++) {
                    int p = in[row + k.start()[x] + i];
                    r += ((p >> 16) & 0xFF) * w[i];
                    g += ((p >> 8) & 0xFF) * w[i];
                    b += (p & 0xFF) * w[i];
                }
                out[y * newWidth + x] = (clip(r) << 16) | (clip(g) << 8) | clip(b);
            }
        }
        return out;
    }

    private static int[] vertical(int[] in, int width, int height, int newHeight) {
        Coefficients k = coefficients(height, newHeight);
        int[] out = new int[width * newHeight];
        for (int y = 0; y < newHeight; y++) {
            int[] w = k.weights()[y];
            for (int x = 0; x < width; x++) {
                int r = 1 << (PRECISION_BITS - 1);
                int g = r;
                int b = r;
                for (int i = 0; i < k.count()[y]; i++) {
                    int p = in[(k.start()[y] + i) * width + x];
                    r += ((p >> 16) & 0xFF) * w[i];
                    g += ((p >> 8) & 0xFF) * w[i];
                    b += (p & 0xFF) * w[i];
                }
                out[y * width + x] = (clip(r) << 16) | (clip(g) << 8) | clip(b);
            }
        }
        return out;
    }

    private static int clip(int sum) {
        return Math.max(0, Math.min(255, sum >> PRECISION_BITS));
    }
}
