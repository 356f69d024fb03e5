package org.firstspike.core.net;

import java.util.List;
import java.util.Map;
import org.firstspike.core.layer.Engine;

/**
 * A trainable TTFS classifier as the trainers, evaluation, the model file and the distributed job see it. Two
 * families implement it: the discrete-time ETTFS network ({@link EttfsNetwork}) and the continuous-time B1
 * exact-time network with its ReLU twin ({@link ExactTimeNetwork}); {@code model.family} chooses.
 */
public interface Network {
    static Network create(ModelConfig config, long seed) {
        return switch (config.family()) {
            case ETTFS -> new EttfsNetwork(config, seed);
            case B1, RELU -> new ExactTimeNetwork(config, seed);
        };
    }

    ModelConfig config();

    /** Values per sample the network reads. */
    int sampleLength();

    /** Trainable tensors, in a fixed order. */
    List<Parameter> parameters();

    /**
     * Non-trainable state that travels with the parameters and is merged by maximum across workers (the B1 time
     * windows, which only grow). Empty for most networks.
     */
    default List<Parameter> buffers() { return List.of(); }

    /** Every tensor a model file holds, by name, in file order. */
    Map<String, Parameter> savedTensors();

    default void zeroGrad() {
        for (Parameter p : parameters()) p.zeroGrad();
    }

    /**
     * Seeds the random draws of the next forward pass (spike-time jitter), so a pass is a function of its key and a
     * retried task repeats it exactly.
     */
    default void noiseKey(long key) {}

    /**
     * Runs a batch; {@code samples} holds {@code batch} samples of {@link #sampleLength()} floats. With labels the
     * loss is computed and {@link #backward()} may follow.
     */
    BatchOutput forward(float[] samples, int batch, int[] labels, Engine engine);

    /** Backpropagates the loss of the last labelled forward pass into every parameter gradient. */
    void backward();

    /** Called after each optimizer step with the forward pass of that step still in place (B1 window growth). */
    default void afterStep() {}

    /** Neurons per sample in each layer whose spikes are counted, for spikes-per-neuron metrics. */
    int[] neuronsPerLayer();
}
