package org.firstspike.core.data;

/** Labelled samples for training or evaluation, each {@link #sampleLength()} floats (encoding-dependent). */
public interface SampleSet {
    int size();

    int sampleLength();

    int label(int index);

    /** Copies sample {@code index} into {@code dst} at {@code offset}. */
    void copySample(int index, float[] dst, int offset);

    /** Copies samples [from, from + n) back to back into {@code dst} and, unless it is null, their labels into {@code labels}. */
    default void copyRange(int from, int n, float[] dst, int[] labels) {
        int len = sampleLength();
        for (int i = 0; i < n; i++) {
            copySample(from + i, dst, i * len);
            if (labels != null) labels[i] = label(from + i);
        }
    }
}
