package org.firstspike.core.data;

import java.util.Set;
import org.firstspike.core.encode.InputEncoding;
import org.firstspike.core.layer.Shape;

/**
 * What the samples of a dataset look like to a model.
 *
 * @param shape     shape of one frame (C, H, W)
 * @param encodings the model encodings the samples can feed: intensities feed DIRECT and LATENCY, time-binned frames
 *                  feed FRAMES only
 * @param frames    frames per sample for FRAMES data, 1 for intensities
 * @param source    where the data lives, for messages
 */
public record SampleFormat(Shape shape, Set<InputEncoding> encodings, int frames, String source) {

    /** Checks that a model with this input, encoding and T can read the samples; the message says what differs. */
    public void checkCompatible(Shape modelInput, InputEncoding encoding, int timeSteps) {
        if (!shape.equals(modelInput))
            throw new IllegalArgumentException("model.input = " + modelInput + " but " + source + " holds " + shape + " samples");
        if (!encodings.contains(encoding))
            throw new IllegalArgumentException("model.encoding = " + encoding.name().toLowerCase() + " but " + source
                    + " holds data for " + encodings.stream().map(e -> e.name().toLowerCase()).sorted().toList());
        if (encoding == InputEncoding.FRAMES && frames != timeSteps)
            throw new IllegalArgumentException("model.timeSteps = " + timeSteps + " but " + source + " holds "
                    + frames + " frames per sample; set model.timeSteps=" + frames + " or re-bin the data");
    }
}
