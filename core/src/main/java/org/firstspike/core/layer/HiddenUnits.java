package org.firstspike.core.layer;

/**
 * The nonlinearity after a hidden synaptic layer of a B1 or ReLU network, with what metrics, L1 regularization and
 * the adaptive windows need from its last forward pass.
 */
public interface HiddenUnits extends Layer {
    /** Units that fired (B1) or were active (ReLU, the spikes its B1 twin emits), summed over the batch. */
    long lastSpikeCount();

    /** Largest pre-activation of the batch (the earliest closed-form spike, as t_max - t), or -inf for none. */
    double lastLargestActivation();

    /** This layer's L1 activity term of the loss (0 without L1). */
    double lastL1Loss();

    default int neuronsPerSample() { return outputShape().size(); }
}
