package org.firstspike.core.hw;

/**
 * k-bit weights: every synaptic weight is fake-quantized to one of 2^k evenly spaced levels in [min, max] (both
 * ends included) in the forward pass, while the optimizer keeps updating the full-precision weights
 * (straight-through gradient, zero outside [min, max] where the clipped weight does not move). {@code bits = 0}
 * keeps full precision.
 */
public record WeightQuantization(int bits, float min, float max) {
    public static final WeightQuantization OFF = new WeightQuantization(0, -1, 1);

    public WeightQuantization {
        if (bits < 0 || bits > 16) throw new IllegalArgumentException("hw.weightBits must be in 0..16 (0 = off), got " + bits);
        if (!(min < max)) throw new IllegalArgumentException("hw.weightMin must be < hw.weightMax, got " + min + " and " + max);
    }

    public boolean enabled() { return bits > 0; }

    public int levels() { return 1 << bits; }

    /** out[i] = the level nearest to w[i] clipped to [min, max]. */
    public void quantize(float[] w, float[] out) {
        double step = (max - (double) min) / (levels() - 1);
        for (int i = 0; i < w.length; i++) {
            double c = Math.min(max, Math.max(min, w[i]));
            out[i] = (float) (min + Math.rint((c - min) / step) * step);
        }
    }

    /** Straight-through: the gradient of the quantized weight reaches the full-precision weight inside [min, max]. */
    public void straightThrough(float[] w, float[] grad) {
        for (int i = 0; i < w.length; i++) if (w[i] < min || w[i] > max) grad[i] = 0f;
    }
}
