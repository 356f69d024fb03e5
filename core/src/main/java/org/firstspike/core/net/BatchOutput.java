package org.firstspike.core.net;

/**
 * What one forward pass gives: logits, mean loss (NaN without labels), predictions, real spikes per neuron layer
 * summed over the batch, and for each sample the 1-based step of its first output spike (T when none fired; null for networks whose
 * output neurons do not spike, B1 and ReLU, which read potentials at a fixed time).
 */
public record BatchOutput(float[] logits, double loss, int[] predictions, long[] spikesPerLayer, int[] firstOutputStep) {
}
