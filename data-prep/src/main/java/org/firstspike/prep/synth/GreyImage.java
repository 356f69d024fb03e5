package org.firstspike.prep.synth;

import org.firstspike.core.io.IdxImages;

/** A greyscale picture with values in [0, 1], row-major: the content a recording shows to the camera. */
public record GreyImage(int width, int height, float[] values) {
    public GreyImage {
        if (width < 1 || height < 1 || values.length != width * height)
            throw new IllegalArgumentException("grey image " + width + "x" + height + " with " + values.length + " values");
    }

    /** Image {@code index} of an IDX stack (MNIST, Fashion-MNIST), bytes 0..255 scaled to [0, 1]. */
    public static GreyImage fromIdx(IdxImages images, int index) {
        int n = images.rows() * images.cols();
        float[] v = new float[n];
        byte[] px = images.pixels();
        for (int k = 0; k < n; k++) v[k] = (px[index * n + k] & 0xFF) / 255f;
        return new GreyImage(images.cols(), images.rows(), v);
    }

    public float at(int x, int y) {
        return values[y * width + x];
    }
}
