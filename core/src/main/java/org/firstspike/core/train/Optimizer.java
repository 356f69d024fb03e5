package org.firstspike.core.train;

import java.util.List;
import org.firstspike.core.net.Parameter;

/**
 * A first-order optimizer over a fixed list of tensors. Its state (moments, step count) is exposed as a flat vector
 * so that a distributed trainer can average it with the parameters without knowing the optimizer.
 */
public interface Optimizer {
    /** Applies one update with learning rate {@code lr} using the tensors' current gradients. */
    void step(double lr);

    long steps();

    float[] stateVector();

    void setState(float[] state, long steps);

    static Optimizer create(String name, List<Parameter> params, double momentum, double weightDecay) {
        return switch (name.toLowerCase()) {
            case "adam" -> new Adam(params, 0.9, 0.999, 1e-8, weightDecay);
            case "sgd" -> new SgdMomentum(params, momentum, weightDecay);
            default -> throw new IllegalArgumentException("optimizer '" + name + "': expected adam or sgd");
        };
    }
}
