package org.firstspike.prep.image;

/** Decoded images of one {@link ImageUnit}: {@code count} images of channels x height x width bytes, C order. */
public record LabeledBlock(int count, int channels, int height, int width, byte[] pixels, int[] labels) {
    public int imageSize() {
        return channels * height * width;
    }
}
