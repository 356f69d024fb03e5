package org.firstspike.core.train;

import java.io.Serializable;
import org.firstspike.core.metrics.MetricsAccumulator;
import org.firstspike.core.net.Network;
import org.firstspike.core.net.ParameterVector;

/**
 * Everything a worker needs to continue training, as flat vectors: the parameters, the optimizer state (moments) and
 * the optimizer's step count. Broadcast to the workers at each round and averaged after it.
 */
public record TrainingState(float[] params, float[] optimizerState, long steps) implements Serializable {
    /** Extra slots after params and state in a worker's summed vector: loss sum, samples, correct predictions, compute seconds. */
    private static final int STATS = 4;

    public static TrainingState of(Network net, Optimizer optimizer) {
        return new TrainingState(ParameterVector.values(net.parameters()), optimizer.stateVector(), optimizer.steps());
    }

    /** Loads this state into a network and its optimizer. */
    public void applyTo(Network net, Optimizer optimizer) {
        ParameterVector.setValues(net.parameters(), params);
        optimizer.setState(optimizerState, steps);
    }

    /** The worker's contribution to the round's sum: its parameters, optimizer state and training statistics. */
    public static double[] contribution(Network net, Optimizer optimizer, MetricsAccumulator acc, double computeSeconds) {
        float[] p = ParameterVector.values(net.parameters());
        float[] s = optimizer.stateVector();
        double[] v = new double[p.length + s.length + STATS];
        for (int i = 0; i < p.length; i++) v[i] = p[i];
        for (int i = 0; i < s.length; i++) v[p.length + i] = s[i];
        v[p.length + s.length] = acc.meanLoss() * acc.samples();
        v[p.length + s.length + 1] = acc.samples();
        v[p.length + s.length + 2] = Math.round(acc.accuracy() * acc.samples());
        v[p.length + s.length + 3] = computeSeconds;
        return v;
    }

    /** The averaged state after a round: the sum over {@code workers} contributions divided by their number. */
    public TrainingState averaged(double[] sum, int workers, long newSteps) {
        float[] p = new float[params.length];
        float[] s = new float[optimizerState.length];
        for (int i = 0; i < p.length; i++) p[i] = (float) (sum[i] / workers);
        for (int i = 0; i < s.length; i++) s[i] = (float) (sum[p.length + i] / workers);
        return new TrainingState(p, s, newSteps);
    }

    /** Round statistics from a summed vector: {mean training loss, training accuracy, samples, compute seconds summed over workers}. */
    public double[] roundStats(double[] sum) {
        int at = params.length + optimizerState.length;
        double samples = sum[at + 1];
        return new double[] {sum[at] / samples, sum[at + 2] / samples, samples, sum[at + 3]};
    }

    /** First non-finite parameter or state value, or -1. */
    public int firstNonFinite() {
        for (int i = 0; i < params.length; i++) if (!Float.isFinite(params[i])) return i;
        for (int i = 0; i < optimizerState.length; i++) if (!Float.isFinite(optimizerState[i])) return params.length + i;
        return -1;
    }
}
