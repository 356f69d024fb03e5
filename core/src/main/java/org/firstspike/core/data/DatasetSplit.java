package org.firstspike.core.data;

import org.firstspike.core.layer.Shape;

/** One split of a dataset, loaded for training or evaluation: the samples and what they look like to a model. */
public record DatasetSplit(SampleSet samples, SampleFormat format) {

    public int sampleLength() {
        return samples.sampleLength();
    }

    public Shape shape() {
        return format.shape();
    }

    public int frames() {
        return format.frames();
    }
}
