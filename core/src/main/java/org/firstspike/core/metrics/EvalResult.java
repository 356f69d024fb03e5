package org.firstspike.core.metrics;

/**
 * Metrics over a dataset: accuracy, mean loss, real spikes per neuron per sample (per neuron layer and over all
 * neurons), mean 1-based step of the first output spike (the inference latency in steps; T when no output fired),
 * the confusion matrix [true][predicted], and how many samples had their first output spike at each step
 * (index = the 1-based step; empty for a family without output spikes).
 */
public record EvalResult(int samples, double accuracy, double loss, double[] spikesPerNeuronByLayer,
                         double spikesPerNeuron, double meanFirstSpikeStep, long[][] confusion, long[] firstSpikeSteps)
        implements java.io.Serializable {
}
