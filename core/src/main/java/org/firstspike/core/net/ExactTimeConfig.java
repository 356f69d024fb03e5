package org.firstspike.core.net;

/**
 * Settings of the B1 exact-time network (and, for {@code l1}, of its ReLU twin).
 *
 * @param initialWindow   initial width t_max - t_min of every hidden layer's window, in units of tau_c (code: 1500)
 * @param windowGrowth    adaptive rule: after each step a window grows to this many times the largest activation
 *                        of the batch (code: 10)
 * @param adaptiveWindows grow windows after each optimizer step; off keeps them fixed (latency budgets)
 * @param clampEarlySpikes a neuron whose closed-form time falls before its window opens fires at t_min (activation
 *                        capped at the window width, no gradient); off keeps the unclamped value as the reference
 *                        code does
 * @param l1              L1 activity regularization: lambda times the mean over the batch of the summed hidden
 *                        activations
 * @param jitter          standard deviation of Gaussian noise on every spike time, input and hidden, train and test
 * @param timeBits        spike times quantized to 2^bits steps per layer window (0 = continuous)
 */
public record ExactTimeConfig(double initialWindow, double windowGrowth, boolean adaptiveWindows, boolean clampEarlySpikes,
                              double l1, double jitter, int timeBits) {
    public static final ExactTimeConfig DEFAULT = new ExactTimeConfig(1500, 10, true, false, 0, 0, 0);

    public ExactTimeConfig {
        if (!(initialWindow > 0) || Double.isInfinite(initialWindow))
            throw new IllegalArgumentException("b1.initialWindow must be > 0, got " + initialWindow);
        if (!(windowGrowth >= 1)) throw new IllegalArgumentException("b1.windowGrowth must be >= 1, got " + windowGrowth);
        if (!(l1 >= 0)) throw new IllegalArgumentException("b1.l1 must be >= 0, got " + l1);
        if (!(jitter >= 0)) throw new IllegalArgumentException("hw.jitter must be >= 0, got " + jitter);
        if (timeBits < 0 || timeBits > 24) throw new IllegalArgumentException("hw.timeBits must be in 0..24 (0 = off), got " + timeBits);
    }

    boolean actsOnSpikeTimes() { return jitter > 0 || timeBits > 0; }

    boolean isDefault() { return equals(DEFAULT); }
}
