package org.firstspike.core.data;

import java.io.Serializable;

/**
 * Samples that arrive already as floats (e.g. the feature vectors of a Spark ML DataFrame), held in one dense array;
 * serializable so a Spark partition of them can be cached and shipped.
 */
public final class FloatSamples implements SampleSet, Serializable {
    private static final long serialVersionUID = 1L;

    private final float[] values;
    private final int[] labels;
    private final int length;

    /** {@code values} holds {@code labels.length} samples of {@code sampleLength} floats, one after another. */
    public FloatSamples(float[] values, int[] labels, int sampleLength) {
        if (values.length != (long) labels.length * sampleLength)
            throw new IllegalArgumentException("values " + values.length + " != labels " + labels.length + " x " + sampleLength);
        this.values = values;
        this.labels = labels;
        this.length = sampleLength;
    }

    @Override public int size() { return labels.length; }

    @Override public int sampleLength() { return length; }

    @Override public int label(int index) { return labels[index]; }

    @Override
    public void copySample(int index, float[] dst, int offset) {
        System.arraycopy(values, index * length, dst, offset, length);
    }
}
