package org.firstspike.core.train;

import java.util.List;
import org.firstspike.core.exec.Workers;
import org.firstspike.core.net.Parameter;

/** Adam with bias correction and decoupled weight decay (AdamW) on weight tensors only. */
public final class Adam extends MomentOptimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;

    public Adam(List<Parameter> params, double beta1, double beta2, double eps, double weightDecay) {
        super(params, 2, weightDecay);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    @Override
    public void step(double lr) {
        t++;
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float c1 = (float) (1 / (1 - Math.pow(beta1, t)));
        float c2 = (float) (1 / (1 - Math.pow(beta2, t)));
        float e = (float) eps;
        float rate = (float) lr;
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            float[] w = p.value();
            float[] g = p.grad();
            float[] m = state.get(0, i);
            float[] v = state.get(1, i);
            float decay = decayFactor(p, lr);
            Workers.forRange(w.length, 1, (from, to) -> {
                for (int j = from; j < to; j++) {
                    float gj = g[j];
                    float mj = b1 * m[j] + (1 - b1) * gj;
                    float vj = b2 * v[j] + (1 - b2) * gj * gj;
                    m[j] = mj;
                    v[j] = vj;
                    w[j] = w[j] * decay - rate * (mj * c1) / ((float) Math.sqrt(vj * c2) + e);
                }
            });
        }
    }
}
