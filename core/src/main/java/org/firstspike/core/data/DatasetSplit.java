package org.firstspike.core.data;

import org.firstspike.core.encode.InputEncoding;
import org.firstspike.core.layer.Shape;

/**
 * One split of a dataset, loaded for training or evaluation.
 *
 * @param samples   the samples, {@link #sampleLength()} floats each
 * @param shape     shape of one frame (C, H, W)
 * @param encodings the model encodings these samples can feed: intensities feed DIRECT and LATENCY, time-binned
 *                  frames feed FRAMES only
 * @param frames    frames per sample for FRAMES data, 1 for intensities
 * @param source    where it was read from, for messages
 */
public record DatasetSplit(SampleSet samples, Shape shape, java.util.Set<InputEncoding> encodings, int frames, String source) {

    public int sampleLength() {
        return samples.sampleLength();
    }

    /** Checks that a model with this input, encoding and T can read the samples; the message says what differs. */
    public void checkCompatible(Shape modelInput, InputEncoding encoding, int timeSteps) {
        if (!shape.equals(modelInput))
            throw new IllegalArgumentException("model.input = " + modelInput + " but " + source + " holds " + shape + " samples");
        if (!encodings.contains(encoding))
            throw new IllegalArgumentException("model.encoding = " + encoding.name().toLowerCase() + " but " + source
                    + " holds data for " + encodings.stream().map(e -> e.name().toLowerCase()).sorted().toList());
        if (encoding == InputEncoding.FRAMES && frames != timeSteps)
            throw new IllegalArgumentException("model.time_steps = " + timeSteps + " but " + source + " holds "
                    + frames + " frames per sample; set model.time_steps=" + frames + " or re-bin the data");
    }
}
