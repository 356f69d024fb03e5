package org.firstspike.prep.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * Labelled colour images as stored in the CIFAR binary files.
 *
 * <p>{@code pixels} holds {@code count * channels * height * width} unsigned bytes, image after image,
 * each image channel-major (all red, then green, then blue), each channel row-major: exactly the
 * file's order, so no reordering pass is needed. Arrays are shared, not copied; treat them as read-only.
 *
 * @param count    number of images, {@code >= 0}
 * @param channels colour channels per image, {@code >= 1}
 * @param height   rows per image, {@code >= 1}
 * @param width    columns per image, {@code >= 1}
 * @param pixels   unsigned bytes in the order above
 * @param labels   one class index per image
 */
public record ImageBatch(int count, int channels, int height, int width, byte[] pixels, int[] labels) {

    public ImageBatch {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if (count < 0 || channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("image batch count=" + count + " channels=" + channels + " height="
                    + height + " width=" + width + "; expected count >= 0 and positive sides");
        }
        long expected = (long) count * channels * height * width;
        if (pixels.length != expected || labels.length != count) {
            throw new IllegalArgumentException("image batch has " + pixels.length + " pixel bytes and " + labels.length
                    + " labels; expected " + count + "*" + channels + "*" + height + "*" + width + " = " + expected
                    + " pixel bytes and " + count + " labels");
        }
    }

    // Records compare arrays by identity; compare contents so equal data means equal batches.
    @Override
    public boolean equals(Object o) {
        return o instanceof ImageBatch other
                && count == other.count
                && channels == other.channels
                && height == other.height
                && width == other.width
                && Arrays.equals(pixels, other.pixels)
                && Arrays.equals(labels, other.labels);
    }

    @Override
    public int hashCode() {
        return (Objects.hash(count, channels, height, width) * 31 + Arrays.hashCode(pixels)) * 31
                + Arrays.hashCode(labels);
    }

    // The default would print array identities; the arrays themselves are far too long to print.
    @Override
    public String toString() {
        return "ImageBatch[count=" + count + ", channels=" + channels + ", height=" + height + ", width=" + width + "]";
    }
}
