package org.firstspike.core.net;

import org.firstspike.core.decode.DecoderConfig;
import org.firstspike.core.encode.InputEncoding;
import org.firstspike.core.hw.WeightQuantization;
import org.firstspike.core.init.WeightInit;
import org.firstspike.core.layer.Shape;
import org.firstspike.core.neuron.NeuronConfig;

/**
 * Everything that defines a network: family, input shape, layer string (e.g. "FC800-FC10",
 * "32C3P1-AP2-64C3P1-AP2-FC128-FC10"), init and weight quantization for every family; T, neurons, normalization,
 * decoding and input encoding for ETTFS; windows, early-spike rule, L1, jitter and time quantization for B1 / ReLU.
 */
public record ModelConfig(NetworkFamily family, Shape input, String layers, int timeSteps, NeuronConfig neuron,
                          WeightInit init, boolean normalize, DecoderConfig decoder, InputEncoding encoding, int classes,
                          ExactTimeConfig exact, WeightQuantization weightQuantization) {
    public ModelConfig {
        if (timeSteps < 1 || timeSteps > 1024) throw new IllegalArgumentException("model.timeSteps must be in 1..1024, got " + timeSteps);
        if (classes < 2) throw new IllegalArgumentException("model.classes must be >= 2, got " + classes);
        if (family != NetworkFamily.ETTFS && init == WeightInit.ETTFS)
            throw new IllegalArgumentException("init.scheme 'ettfs' targets T-step spiking inputs; model.family="
                    + family.key() + " uses glorot, he or kaiming (auto: glorot for FC, he for conv)");
        if (family == NetworkFamily.RELU && exact.actsOnSpikeTimes())
            throw new IllegalArgumentException("hw.jitter and hw.timeBits act on spike times; model.family=relu has none (use b1)");
        if (family == NetworkFamily.ETTFS && !exact.isDefault())
            throw new IllegalArgumentException("b1.* and hw.jitter/hw.timeBits apply to model.family=b1 (and b1.l1 to relu), "
                    + "not to ettfs");
    }

    /** The same network without weight normalization (what folding produces). */
    public ModelConfig withoutNormalization() {
        return new ModelConfig(family, input, layers, timeSteps, neuron, init, false, decoder, encoding, classes, exact,
                weightQuantization);
    }

    /** The encoding the dataset must provide: B1 and ReLU read intensities (spike times 1 - x), like direct input. */
    public InputEncoding dataEncoding() {
        return family == NetworkFamily.ETTFS ? encoding : InputEncoding.DIRECT;
    }
}
