package org.firstspike.prep.synth;

/**
 * Circuit parameters of a DVS pixel array (the knobs of {@link EventCameraModel}).
 *
 * @param threshold      contrast threshold C: the change of log intensity that triggers one event
 * @param thresholdSigma per-pixel mismatch: standard deviation of C across pixels (log units), fixed per sensor
 * @param refractoryUs   dead time after an event during which the pixel emits nothing
 * @param noiseHz        background-activity rate per pixel (Poisson, both polarities)
 * @param logEps         dark offset in log(I + eps): limits the sensitivity in dark regions, where real pixels are
 *                       dominated by dark current
 */
public record PixelParameters(double threshold, double thresholdSigma, long refractoryUs, double noiseHz, double logEps) {
    public PixelParameters {
        if (!(threshold > 0)) throw new IllegalArgumentException("camera.threshold " + threshold + ": expected > 0");
        if (!(thresholdSigma >= 0)) throw new IllegalArgumentException("camera.thresholdSigma " + thresholdSigma + ": expected >= 0");
        if (refractoryUs < 0) throw new IllegalArgumentException("camera.refractoryUs " + refractoryUs + ": expected >= 0");
        if (!(noiseHz >= 0)) throw new IllegalArgumentException("camera.noiseHz " + noiseHz + ": expected >= 0");
        if (!(logEps > 0)) throw new IllegalArgumentException("camera.logEps " + logEps + ": expected > 0");
    }

    /** These parameters overridden by the {@code camera.*} knobs. */
    public PixelParameters with(Knobs k) {
        return new PixelParameters(k.number("camera.threshold", threshold), k.number("camera.thresholdSigma", thresholdSigma),
                k.integer("camera.refractoryUs", refractoryUs), k.number("camera.noiseHz", noiseHz),
                k.number("camera.logEps", logEps));
    }

    public PixelParameters withThreshold(double c) {
        return new PixelParameters(c, thresholdSigma, refractoryUs, noiseHz, logEps);
    }

    public PixelParameters withNoiseHz(double hz) {
        return new PixelParameters(threshold, thresholdSigma, refractoryUs, hz, logEps);
    }
}
