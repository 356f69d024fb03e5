package org.firstspike.core.train;

import org.firstspike.core.data.SampleSet;

/** Assembles a batch of samples (by index) into one contiguous array plus labels. */
final class Batches {
    private Batches() {}

    static int fill(SampleSet data, int[] order, int from, int batch, float[] samples, int[] labels) {
        int n = Math.min(batch, order.length - from);
        int len = data.sampleLength();
        for (int i = 0; i < n; i++) {
            int idx = order[from + i];
            data.copySample(idx, samples, i * len);
            labels[i] = data.label(idx);
        }
        return n;
    }
}
