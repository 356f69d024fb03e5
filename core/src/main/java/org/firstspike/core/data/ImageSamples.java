package org.firstspike.core.data;

/**
 * 8-bit images (e.g. IDX) as samples in [0,1]; pixels stay bytes in memory (4x smaller than floats) and are scaled
 * when a batch is assembled.
 */
public final class ImageSamples implements SampleSet {
    private static final float[] UNIT = unitTable();

    private final byte[] pixels;
    private final int[] labels;
    private final int length;
    private final int count;

    public ImageSamples(byte[] pixels, int[] labels, int sampleLength, int limit) {
        if (pixels.length != (long) labels.length * sampleLength)
            throw new IllegalArgumentException("pixels " + pixels.length + " != labels " + labels.length + " x " + sampleLength);
        this.pixels = pixels;
        this.labels = labels;
        this.length = sampleLength;
        this.count = limit > 0 ? Math.min(limit, labels.length) : labels.length;
    }

    private static float[] unitTable() {
        float[] t = new float[256];
        for (int i = 0; i < 256; i++) t[i] = i / 255f;
        return t;
    }

    @Override public int size() { return count; }

    @Override public int sampleLength() { return length; }

    @Override public int label(int index) { return labels[index]; }

    @Override
    public void copySample(int index, float[] dst, int offset) {
        int o = index * length;
        for (int i = 0; i < length; i++) dst[offset + i] = UNIT[pixels[o + i] & 0xff];
    }
}
