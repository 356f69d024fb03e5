package org.firstspike.core.train;

import java.util.List;
import org.firstspike.core.net.Parameter;

/** SGD with heavy-ball momentum (v = mu v + g, w -= lr v) and decoupled weight decay on weight tensors. */
public final class SgdMomentum extends MomentOptimizer {
    private final float momentum;

    public SgdMomentum(List<Parameter> params, double momentum, double weightDecay) {
        super(params, 1, weightDecay);
        if (momentum < 0 || momentum >= 1) throw new IllegalArgumentException("train.momentum must be in [0,1), got " + momentum);
        this.momentum = (float) momentum;
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
            float decay = decayFactor(p, lr);
            for (int j = 0; j < w.length; j++) {
                v[j] = momentum * v[j] + g[j];
                w[j] = w[j] * decay - rate * v[j];
            }
        }
    }
}
