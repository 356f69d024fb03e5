package org.firstspike.core.train;

import java.util.List;
import org.firstspike.core.net.Parameter;

/** SGD with heavy-ball momentum (v = mu v + g, w -= lr v) and decoupled weight decay on weight tensors. */
public final class SgdMomentum implements Optimizer {
    private final List<Parameter> params;
    private final float momentum;
    private final double weightDecay;
    private final MomentState state;
    private long t;

    public SgdMomentum(List<Parameter> params, double momentum, double weightDecay) {
        if (momentum < 0 || momentum >= 1) throw new IllegalArgumentException("train.momentum must be in [0,1), got " + momentum);
        this.params = params;
        this.momentum = (float) momentum;
        this.weightDecay = weightDecay;
        this.state = new MomentState(params, 1);
    }

    @Override
    public void step(double lr) {
        t++;
        float rate = (float) lr;
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            float[] w = p.value();
            float[] g = p.grad();
            float[] v = state.get(0, i);
            float decay = p.decays() ? (float) (1 - lr * weightDecay) : 1f;
            for (int j = 0; j < w.length; j++) {
                v[j] = momentum * v[j] + g[j];
                w[j] = w[j] * decay - rate * v[j];
            }
        }
    }

    @Override public long steps() { return t; }

    @Override public float[] stateVector() { return state.flat(); }

    @Override
    public void setState(float[] s, long steps) {
        state.setFlat(s);
        t = steps;
    }
}
