package org.firstspike.core.metrics;

/**
 * Metrics over a dataset: accuracy, mean loss, real spikes per neuron per sample (per neuron layer and over all
 * neurons), mean 1-based step of the first output spike (the inference latency in steps; T when no output fired),
 * and the confusion matrix [true][predicted].
 */
public record EvalResult(int samples, double accuracy, double loss, double[] spikesPerNeuronByLayer,
                         double spikesPerNeuron, double meanFirstSpikeStep, long[][] confusion) {
}
