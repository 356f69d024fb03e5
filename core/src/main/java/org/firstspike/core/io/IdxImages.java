package org.firstspike.core.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * A stack of greyscale images read from an IDX file (MNIST / Fashion-MNIST layout).
 *
 * <p>{@code pixels} holds {@code count * rows * cols} unsigned bytes, image-major then row-major.
 * The array is shared, not copied: a training set is tens of megabytes and copying it on every
 * access would double the memory footprint, so callers must treat it as read-only.
 *
 * @param source file the images were read from (local path or filesystem URI), used in messages
 * @param count  number of images, {@code >= 0}
 * @param rows   image height, {@code >= 1}
 * @param cols   image width, {@code >= 1}
 * @param pixels row-major unsigned bytes, length {@code count * rows * cols}
 */
public record IdxImages(String source, int count, int rows, int cols, byte[] pixels) {

    public IdxImages {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pixels, "pixels");
        if (count < 0 || rows < 1 || cols < 1) {
            throw new IllegalArgumentException(source + ": invalid image dimensions count=" + count
                    + " rows=" + rows + " cols=" + cols + "; expected count >= 0, rows >= 1, cols >= 1");
        }
        // rows and cols are at most 2^31, so rows * cols and the full product fit in a long.
        long expected = (long) count * rows * cols;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(source + ": pixel array has " + pixels.length
                    + " bytes; expected count*rows*cols = " + count + "*" + rows + "*" + cols + " = " + expected);
        }
    }

    /**
     * Pixel value 0..255 of image {@code i} at row {@code r}, column {@code c}.
     *
     * @throws IllegalArgumentException if any index is outside the image stack
     */
    public int pixel(int i, int r, int c) {
        if (i < 0 || i >= count || r < 0 || r >= rows || c < 0 || c >= cols) {
            throw new IllegalArgumentException(source + ": pixel position (image " + i + ", row " + r
                    + ", col " + c + ") is outside " + count + " images of " + rows + "x" + cols);
        }
        return pixels[(i * rows + r) * cols + c] & 0xFF;
    }

    /** All pixels scaled to [0, 1] as {@code pixel / 255f}, in the same order as {@link #pixels()}. */
    public float[] toUnitFloats() {
        float[] out = new float[pixels.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = (pixels[k] & 0xFF) / 255f;
        }
        return out;
    }

    // Records compare arrays by identity; compare pixel contents so equal data means equal images.
    @Override
    public boolean equals(Object o) {
        return o instanceof IdxImages other
                && source.equals(other.source)
                && count == other.count
                && rows == other.rows
                && cols == other.cols
                && Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, count, rows, cols) * 31 + Arrays.hashCode(pixels);
    }

    // The default would print an array identity; the pixels themselves are far too many to print.
    @Override
    public String toString() {
        return "IdxImages[source=" + source + ", count=" + count + ", rows=" + rows + ", cols=" + cols + "]";
    }
}
