package org.firstspike.prep.synth;

/**
 * How a monitor turns image values v in [0, 1] into light: {@code black + (white - black) * v^gamma}. N-MNIST and
 * CIFAR10-DVS were both recorded off an LCD, whose black is not dark and whose gamma compresses dark tones; both
 * shape the contrasts the pixels see.
 */
public record DisplayParameters(double black, double white, double gamma) {
    public DisplayParameters {
        if (!(black >= 0 && white > black)) throw new IllegalArgumentException("display black " + black + ", white " + white + ": expected 0 <= black < white");
        if (!(gamma > 0)) throw new IllegalArgumentException("display.gamma " + gamma + ": expected > 0");
    }

    public static DisplayParameters lcd() {
        return new DisplayParameters(0.02, 1.0, 2.2);
    }

    public DisplayParameters with(Knobs k) {
        return new DisplayParameters(k.number("display.black", black), k.number("display.white", white), k.number("display.gamma", gamma));
    }

    public float luminance(float value) {
        return (float) (black + (white - black) * Math.pow(value, gamma));
    }
}
