package org.firstspike.core.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * Images paired with one class label per image, as produced by {@link IdxReader#readPair}.
 *
 * <p>The label array is shared, not copied, for the same memory reason as {@link IdxImages#pixels()}.
 *
 * @param images the images
 * @param labels one label per image, each in 0..255
 */
public record LabeledImages(IdxImages images, int[] labels) {

    public LabeledImages {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        if (labels.length != images.count()) {
            throw new IllegalArgumentException(images.source() + ": " + images.count()
                    + " images but " + labels.length + " labels; expected one label per image");
        }
    }

    // Records compare arrays by identity; compare label contents so equal data means equal values.
    @Override
    public boolean equals(Object o) {
        return o instanceof LabeledImages other
                && images.equals(other.images)
                && Arrays.equals(labels, other.labels);
    }

    @Override
    public int hashCode() {
        return images.hashCode() * 31 + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "LabeledImages[images=" + images + ", labels=" + labels.length + "]";
    }
}
