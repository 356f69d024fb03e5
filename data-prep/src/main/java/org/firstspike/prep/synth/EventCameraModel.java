package org.firstspike.prep.synth;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.firstspike.prep.event.EventBuffer;
import org.firstspike.prep.event.SensorSize;

/**
 * DVS pixel array simulated from intensity frames (the model of Lichtsteiner et al. 2008 as used by event-camera
 * simulators such as ESIM and v2e). Each pixel remembers the log intensity at its last event; when
 * {@code log(I + eps)} has moved a contrast threshold C above (ON) or below (OFF) that reference, it emits one event
 * per threshold crossed and moves its reference by that many thresholds. Between two frames the log intensity is
 * taken to change linearly, so each crossing gets the time at which the line reaches its level: event times are
 * finer than the frame step.
 *
 * <p>Non-idealities: per-pixel thresholds drawn once per sensor (mismatch), a refractory period during which a pixel
 * emits nothing (its reference still follows the crossings, as a pixel held in reset does), and Poisson background
 * activity with random polarity. The thresholds come from the sensor seed and the noise from the recording seed, so
 * every recording of one simulated camera shares its fixed-pattern mismatch. Emitted events are time-ordered.
 *
 * <p>Cost is proportional to the pixels that change: {@link #step(float[], long, PixelRegion, EventBuffer)} scans only
 * the given region, skips pixels whose intensity is unchanged, and keeps all state in flat per-pixel arrays.
 */
public final class EventCameraModel {
    /** Smallest per-pixel threshold, as a fraction of C: a mismatch draw must not make a pixel fire on nothing. */
    private static final double MIN_THRESHOLD_FRACTION = 0.25;

    private final int width;
    private final int pixels;
    private final long refractoryUs;
    private final float logEps;
    private final float[] onThreshold;
    private final float[] offThreshold;
    private final float[] reference;
    private final float[] lastLog;
    private final float[] lastIntensity;
    private final long[] lastEventUs;
    private final SplittableRandom noise;
    private final double meanNoiseGapUs;
    private final PixelRegion wholeSensor;
    private double nextNoiseUs = Double.POSITIVE_INFINITY;
    private long nowUs;
    private boolean started;

    /** Crossings of the current step: sort key (time offset << 32 | index) and pixel << 1 | polarity. */
    private long[] stepKeys = new long[4096];
    private int[] stepEvents = new int[4096];
    private int stepCount;

    public EventCameraModel(SensorSize sensor, PixelParameters params, long sensorSeed, long noiseSeed) {
        width = sensor.width();
        pixels = sensor.pixels();
        refractoryUs = params.refractoryUs();
        logEps = (float) params.logEps();
        onThreshold = new float[pixels];
        offThreshold = new float[pixels];
        SplittableRandom mismatch = new SplittableRandom(sensorSeed);
        double floor = MIN_THRESHOLD_FRACTION * params.threshold();
        for (int i = 0; i < pixels; i++) {
            onThreshold[i] = (float) Math.max(floor, params.threshold() + params.thresholdSigma() * mismatch.nextGaussian());
            offThreshold[i] = (float) Math.max(floor, params.threshold() + params.thresholdSigma() * mismatch.nextGaussian());
        }
        reference = new float[pixels];
        lastLog = new float[pixels];
        lastIntensity = new float[pixels];
        lastEventUs = new long[pixels];
        noise = new SplittableRandom(noiseSeed);
        meanNoiseGapUs = params.noiseHz() > 0 ? 1e6 / (params.noiseHz() * pixels) : Double.POSITIVE_INFINITY;
        wholeSensor = PixelRegion.of(0, 0, sensor.width(), sensor.height());
    }

    /** Powers the pixels up looking at {@code intensity} at time {@code timeUs}: every reference is the current level. */
    public void start(float[] intensity, long timeUs) {
        checkFrame(intensity);
        for (int i = 0; i < pixels; i++) {
            float l = log(intensity[i]);
            reference[i] = l;
            lastLog[i] = l;
            lastIntensity[i] = intensity[i];
        }
        // Far enough in the past that the first event of any pixel passes the refractory check without overflow.
        Arrays.fill(lastEventUs, Long.MIN_VALUE / 2);
        nowUs = timeUs;
        nextNoiseUs = timeUs + nextNoiseGap();
        started = true;
    }

    /** Advances to {@code endUs}, where the scene looks like {@code intensity}; any pixel may have changed. */
    public void step(float[] intensity, long endUs, EventBuffer out) {
        step(intensity, endUs, wholeSensor, out);
    }

    /**
     * Advances to {@code endUs}, where the scene looks like {@code intensity}; only pixels inside {@code changed} may
     * differ from the previous frame (the caller guarantees it), so only those are examined. Appends the events of
     * (previous time, endUs] to {@code out} in time order.
     */
    public void step(float[] intensity, long endUs, PixelRegion changed, EventBuffer out) {
        if (!started) throw new IllegalStateException("step before start: the pixels need an initial frame");
        checkFrame(intensity);
        long stepUs = endUs - nowUs;
        if (stepUs <= 0) throw new IllegalArgumentException("step to " + endUs + " µs: not after the current time " + nowUs + " µs");
        stepCount = 0;
        if (!changed.isEmpty()) crossings(intensity, stepUs, changed);
        backgroundActivity(endUs);
        emit(out);
        nowUs = endUs;
    }

    private void crossings(float[] intensity, long stepUs, PixelRegion r) {
        int x0 = Math.max(0, r.x0()), x1 = Math.min(width, r.x1());
        int y1 = Math.min(pixels / width, r.y1());
        for (int y = Math.max(0, r.y0()); y < y1; y++) {
            for (int i = y * width + x0, end = y * width + x1; i < end; i++) {
                float now = intensity[i];
                if (now == lastIntensity[i]) continue;
                lastIntensity[i] = now;
                double l1 = log(now);
                double l0 = lastLog[i];
                lastLog[i] = (float) l1;
                double ref = reference[i];
                double up = l1 - ref;
                if (up >= onThreshold[i]) {
                    reference[i] = (float) cross(i, 1, ref, onThreshold[i], (int) (up / onThreshold[i]), l0, l1, stepUs);
                } else if (-up >= offThreshold[i]) {
                    reference[i] = (float) cross(i, 0, ref, -offThreshold[i], (int) (-up / offThreshold[i]), l0, l1, stepUs);
                }
            }
        }
    }

    /** Records {@code n} crossings of levels ref + k*c (k = 1..n) on the line l0 -> l1; returns the new reference. */
    private double cross(int pixel, int polarity, double ref, double c, int n, double l0, double l1, long stepUs) {
        double slope = l1 - l0;
        for (int k = 1; k <= n; k++) {
            double f = slope == 0 ? 1 : (ref + k * c - l0) / slope;
            long offset = (long) Math.ceil(Math.min(1, Math.max(0, f)) * stepUs);
            add(Math.max(1, offset), pixel << 1 | polarity);
        }
        return ref + n * c;
    }

    /** Background activity as one Poisson process over the whole array: exponential gaps, uniform pixel and polarity. */
    private void backgroundActivity(long endUs) {
        while (nextNoiseUs <= endUs) {
            long offset = Math.max(1, (long) Math.ceil(nextNoiseUs) - nowUs);
            add(offset, noise.nextInt(pixels) << 1 | noise.nextInt(2));
            nextNoiseUs += nextNoiseGap();
        }
    }

    private double nextNoiseGap() {
        return Double.isInfinite(meanNoiseGapUs) ? meanNoiseGapUs : noise.nextExponential() * meanNoiseGapUs;
    }

    private void add(long offsetUs, int event) {
        if (stepCount == stepKeys.length) {
            stepKeys = Arrays.copyOf(stepKeys, 2 * stepCount);
            stepEvents = Arrays.copyOf(stepEvents, 2 * stepCount);
        }
        stepKeys[stepCount] = offsetUs << 32 | stepCount;
        stepEvents[stepCount] = event;
        stepCount++;
    }

    /** Emits the step's crossings in time order (ties in scan order), dropping those inside a refractory period. */
    private void emit(EventBuffer out) {
        Arrays.sort(stepKeys, 0, stepCount);
        for (int k = 0; k < stepCount; k++) {
            long key = stepKeys[k];
            long t = nowUs + (key >>> 32);
            int event = stepEvents[(int) key];
            int pixel = event >>> 1;
            if (t - lastEventUs[pixel] < refractoryUs) continue;
            lastEventUs[pixel] = t;
            out.add(t, pixel % width, pixel / width, event & 1);
        }
    }

    private float log(float intensity) {
        return (float) Math.log(Math.max(0f, intensity) + logEps);
    }

    private void checkFrame(float[] intensity) {
        if (intensity.length != pixels)
            throw new IllegalArgumentException("frame of " + intensity.length + " values for a sensor of " + pixels + " pixels");
    }
}
