package org.firstspike.core.neuron;

import org.firstspike.core.surrogate.Surrogate;

/**
 * TTFS neuron settings. {@code smoothSpikes} is the gradient-check mode: the neuron emits the surrogate's primitive
 * g(H - V_th) instead of a 0/1 spike (the firing mask still follows the hard threshold), so the surrogate
 * gradient is the exact gradient of that forward pass.
 */
public record NeuronConfig(NeuronModel model, float threshold, float tau, boolean forceFireAtLastStep,
                           Surrogate surrogate, boolean smoothSpikes) {
    public NeuronConfig {
        if (!(threshold > 0)) throw new IllegalArgumentException("neuron.threshold must be > 0, got " + threshold);
        if (!(tau > 1)) throw new IllegalArgumentException("neuron.tau must be > 1, got " + tau);
    }

    /** dH[t]/dH[t-1]: 1 for IF, 1 - 1/tau for LIF. */
    public float carry() { return model == NeuronModel.IF ? 1f : 1f - 1f / tau; }

    /** dH[t]/dI[t]: 1 for IF, 1/tau for LIF. */
    public float inputGain() { return model == NeuronModel.IF ? 1f : 1f / tau; }
}
