package org.firstspike.core.hw;

/**
 * Spike times read on a clock of 2^bits ticks per layer window: a spike at offset tau = t - t_min in a window of
 * width W moves to the nearest tick k * W / 2^bits, k = 0 .. 2^bits (k = 2^bits is t_max: the spike is lost). Offsets
 * before the window clamp to its first tick. The gradient passes straight through (the reference code's fake
 * quantization). {@code bits = 0}: continuous time.
 */
public record TimeQuantization(int bits) {
    public boolean enabled() { return bits > 0; }

    public double quantize(double t, double tMin, double width) {
        double tick = width / (1 << bits);
        double k = Math.rint(Math.max(0.0, t - tMin) / tick);
        return tMin + Math.min(k, 1 << bits) * tick;
    }
}
