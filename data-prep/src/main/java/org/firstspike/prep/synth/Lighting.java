package org.firstspike.prep.synth;

import java.util.Locale;

/**
 * The illumination conditions of the DVS128 Gesture recordings, named as in its file names
 * ({@code user01_fluorescent_led.aedat}). Each scales the scene's light (which matters through the pixels' dark
 * offset), the background-activity rate (dim scenes are noisier) and the effective contrast threshold.
 */
public enum Lighting {
    FLUORESCENT(1.0, 1.0, 1.0),
    FLUORESCENT_LED(1.15, 1.1, 0.95),
    LAB(0.8, 1.0, 1.05),
    LED(0.55, 1.6, 1.1),
    NATURAL(1.4, 0.7, 0.9);

    private final double illumination;
    private final double noiseFactor;
    private final double thresholdFactor;

    Lighting(double illumination, double noiseFactor, double thresholdFactor) {
        this.illumination = illumination;
        this.noiseFactor = noiseFactor;
        this.thresholdFactor = thresholdFactor;
    }

    /** The tag used in file names, e.g. {@code fluorescent_led}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public double illumination() { return illumination; }

    public double noiseFactor() { return noiseFactor; }

    public double thresholdFactor() { return thresholdFactor; }
}
