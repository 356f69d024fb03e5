package org.firstspike.core.data;

/** Labelled samples for training or evaluation, each {@link #sampleLength()} floats (encoding-dependent). */
public interface SampleSet {
    int size();

    int sampleLength();

    int label(int index);

    /** Copies sample {@code index} into {@code dst} at {@code offset}. */
    void copySample(int index, float[] dst, int offset);
}
