package org.firstspike.core.net;

import org.firstspike.core.decode.DecoderConfig;
import org.firstspike.core.encode.InputEncoding;
import org.firstspike.core.init.WeightInit;
import org.firstspike.core.layer.Shape;
import org.firstspike.core.neuron.NeuronConfig;

/**
 * Everything that defines a network: input shape, layer string (e.g. "FC800-FC10", "32C3P1-AP2-64C3P1-AP2-FC128-FC10"),
 * T, neurons, init, normalization, decoding and input encoding.
 */
public record ModelConfig(Shape input, String layers, int timeSteps, NeuronConfig neuron, WeightInit init,
                          boolean normalize, DecoderConfig decoder, InputEncoding encoding, int classes) {
    public ModelConfig {
        if (timeSteps < 1 || timeSteps > 1024) throw new IllegalArgumentException("model.timeSteps must be in 1..1024, got " + timeSteps);
        if (classes < 2) throw new IllegalArgumentException("model.classes must be >= 2, got " + classes);
    }
}
