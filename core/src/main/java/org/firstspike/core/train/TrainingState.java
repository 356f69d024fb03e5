package org.firstspike.core.train;

import java.io.Serializable;
import org.firstspike.core.metrics.MetricsAccumulator;
import org.firstspike.core.net.Network;
import org.firstspike.core.net.ParameterVector;

/**
 * Everything a worker needs to continue training, as flat vectors: the parameters, the optimizer state (moments), the
 * network's buffers (B1 windows) and the optimizer's step count. Broadcast to the workers at each round and merged
 * after it: parameters and moments averaged, buffers by maximum (windows only grow).
 */
public record TrainingState(float[] params, float[] optimizerState, float[] buffers, long steps) implements Serializable {
    /** Extra slots after the vectors in a worker's summed vector: loss sum, samples, correct predictions, compute seconds. */
    private static final int STATS = 4;

    public static TrainingState of(Network net, Optimizer optimizer) {
        return new TrainingState(ParameterVector.values(net.parameters()), optimizer.stateVector(),
                ParameterVector.values(net.buffers()), optimizer.steps());
    }

    /** Loads this state into a network and its optimizer. */
    public void applyTo(Network net, Optimizer optimizer) {
        applyModel(net);
        optimizer.setState(optimizerState, steps);
    }

    /** Loads the parameters and buffers into a network (what evaluation and saving need). */
    public void applyModel(Network net) {
        ParameterVector.setValues(net.parameters(), params);
        ParameterVector.setValues(net.buffers(), buffers);
    }

    /** The worker's contribution to the round's merge: parameters, optimizer state, buffers and training statistics. */
    public static double[] contribution(Network net, Optimizer optimizer, MetricsAccumulator acc, double computeSeconds) {
        float[][] parts = {ParameterVector.values(net.parameters()), optimizer.stateVector(), ParameterVector.values(net.buffers())};
        int n = 0;
        for (float[] p : parts) n += p.length;
        double[] v = new double[n + STATS];
        int o = 0;
        for (float[] p : parts)
            for (float f : p) v[o++] = f;
        v[n] = acc.meanLoss() * acc.samples();
        v[n + 1] = acc.samples();
        v[n + 2] = Math.round(acc.accuracy() * acc.samples());
        v[n + 3] = computeSeconds;
        return v;
    }

    /** Where the buffers sit in a contribution: the slots [from, to) merged by maximum instead of summed. */
    public int maxFrom() { return params.length + optimizerState.length; }

    public int maxTo() { return maxFrom() + buffers.length; }

    /** The merged state after a round: sums over {@code workers} contributions divided by their number, buffers as merged. */
    public TrainingState averaged(double[] merged, int workers, long newSteps) {
        float[] p = new float[params.length];
        float[] s = new float[optimizerState.length];
        float[] b = new float[buffers.length];
        for (int i = 0; i < p.length; i++) p[i] = (float) (merged[i] / workers);
        for (int i = 0; i < s.length; i++) s[i] = (float) (merged[p.length + i] / workers);
        for (int i = 0; i < b.length; i++) b[i] = (float) merged[maxFrom() + i];
        return new TrainingState(p, s, b, newSteps);
    }

    /** Round statistics from a merged vector: {mean training loss, training accuracy, samples, compute seconds summed over workers}. */
    public double[] roundStats(double[] merged) {
        int at = maxTo();
        double samples = merged[at + 1];
        return new double[] {merged[at] / samples, merged[at + 2] / samples, samples, merged[at + 3]};
    }

    /** First non-finite value over parameters, state and buffers (index into their concatenation), or -1. */
    public int firstNonFinite() {
        int o = 0;
        for (float[] part : new float[][] {params, optimizerState, buffers}) {
            for (int i = 0; i < part.length; i++) if (!Float.isFinite(part[i])) return o + i;
            o += part.length;
        }
        return -1;
    }
}
