package org.firstspike.core.infer;

/**
 * What the event-driven engine reports for one sample.
 *
 * @param prediction       the decoded class
 * @param firstOutputStep  1-based step of the first real output spike, T when none fired (as {@code BatchOutput});
 *                         -1 for B1, whose outputs are read at a fixed time
 * @param stepsRun         time steps processed: the early-stop step + 1, or T; -1 for B1 (continuous time)
 * @param spikesPerLayer   real spikes per neuron layer, up to the steps run
 * @param synOps           synaptic operations: for every propagated event (spike, latency or frame input), the
 *                         synapses it drives
 * @param analogMacs       multiply-adds of a direct-encoded (analog) first layer, computed once per sample over the
 *                         non-zero inputs; not events, so kept apart from SynOps
 */
public record SampleResult(int prediction, int firstOutputStep, int stepsRun, long[] spikesPerLayer, long synOps, long analogMacs) {
    public long spikes() {
        long s = 0;
        for (long v : spikesPerLayer) s += v;
        return s;
    }
}
