package org.firstspike.core.train;

import java.util.List;
import org.firstspike.core.net.Parameter;

/** Shared plumbing of optimizers that keep per-parameter moment buffers and a step count. */
abstract class MomentOptimizer implements Optimizer {
    protected final List<Parameter> params;
    protected final double weightDecay;
    protected final MomentState state;
    protected long t;

    MomentOptimizer(List<Parameter> params, int buffersPerParameter, double weightDecay) {
        if (weightDecay < 0) throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        this.params = params;
        this.weightDecay = weightDecay;
        this.state = new MomentState(params, buffersPerParameter);
    }

    /** Decoupled weight decay factor for one step: applied to weight tensors only. */
    protected float decayFactor(Parameter p, double lr) {
        return p.decays() ? (float) (1 - lr * weightDecay) : 1f;
    }

    @Override public long steps() { return t; }

    @Override public float[] stateVector() { return state.flat(); }

    @Override
    public void setState(float[] s, long steps) {
        state.setFlat(s);
        t = steps;
    }
}
