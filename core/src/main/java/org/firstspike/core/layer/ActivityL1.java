package org.firstspike.core.layer;

/**
 * L1 activity regularization lambda * mean over the batch of sum_i |x_i| (Keras' activity regularizer scaled per
 * sample). Activations are non-negative, so the gradient is lambda / batch where a unit is active.
 */
public record ActivityL1(double lambda) {
    public boolean enabled() { return lambda > 0; }

    public double loss(float[] x, int batch) {
        if (!enabled()) return 0;
        double s = 0;
        for (float v : x) s += v;
        return lambda * s / batch;
    }

    /** Adds the term's gradient to {@code grad} where {@code x} is positive. */
    public void addGradient(float[] x, int batch, float[] grad) {
        if (!enabled()) return;
        float g = (float) (lambda / batch);
        for (int i = 0; i < x.length; i++) if (x[i] > 0) grad[i] += g;
    }
}
