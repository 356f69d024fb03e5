package org.firstspike.prep.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.firstspike.prep.event.EventBuffer;
import org.firstspike.prep.event.Events;
import org.firstspike.prep.event.SensorSize;
import org.junit.jupiter.api.Test;

class EventCameraModelTest {
    private static final SensorSize SENSOR = new SensorSize(4, 3, 2);
    private static final double EPS = 0.01;
    /** Ideal pixels: one threshold everywhere, no dead time, no noise. */
    private static final PixelParameters IDEAL = new PixelParameters(0.2, 0, 0, 0, EPS);

    private static float[] uniform(double intensity) {
        float[] f = new float[SENSOR.pixels()];
        Arrays.fill(f, (float) intensity);
        return f;
    }

    /** Films a jump from {@code from} to {@code to} on pixel (1, 2) in one step of 1000 µs. */
    private static Events jump(PixelParameters p, double from, double to) {
        EventCameraModel camera = new EventCameraModel(SENSOR, p, 1, 2);
        float[] frame = uniform(from);
        camera.start(frame, 0);
        frame[2 * SENSOR.width() + 1] = (float) to;
        EventBuffer out = new EventBuffer(16);
        camera.step(frame, 1000, out);
        return out.build();
    }

    @Test
    void brighteningGivesOnEventsAndDarkeningOffEvents() {
        Events on = jump(IDEAL, 0.2, 0.5);
        assertTrue(on.size() > 0);
        for (int i = 0; i < on.size(); i++) {
            assertEquals(1, on.p(i));
            assertEquals(1, on.x(i));
            assertEquals(2, on.y(i));
        }
        Events off = jump(IDEAL, 0.5, 0.2);
        assertEquals(on.size(), off.size());
        for (int i = 0; i < off.size(); i++) assertEquals(0, off.p(i));
    }

    @Test
    void oneEventPerThresholdCrossed() {
        for (double[] step : new double[][] {{0.1, 0.35}, {0.3, 0.9}, {0.8, 0.05}, {0.5, 0.52}}) {
            double delta = Math.abs(Math.log(step[1] + EPS) - Math.log(step[0] + EPS));
            assertEquals((int) Math.floor(delta / IDEAL.threshold()), jump(IDEAL, step[0], step[1]).size(),
                    "log step " + delta);
        }
    }

    @Test
    void crossingTimesAreInterpolatedInsideTheStepAndOrdered() {
        Events e = jump(IDEAL, 0.05, 0.95);
        assertTrue(e.size() >= 10);
        for (int i = 0; i < e.size(); i++) {
            assertTrue(e.t(i) > 0 && e.t(i) <= 1000, "t=" + e.t(i));
            if (i > 0) assertTrue(e.t(i) > e.t(i - 1), "crossings of a linear ramp are distinct and ordered");
        }
        // Levels equally spaced in log intensity along a linear log ramp: equally spaced in time.
        long first = e.t(1) - e.t(0), last = e.t(e.size() - 1) - e.t(e.size() - 2);
        assertTrue(Math.abs(first - last) <= 2, first + " vs " + last);
    }

    @Test
    void refractoryPeriodSeparatesEventsOfAPixel() {
        PixelParameters dead = new PixelParameters(0.2, 0, 300, 0, EPS);
        Events e = jump(dead, 0.05, 0.95);
        assertTrue(e.size() >= 2 && e.size() < jump(IDEAL, 0.05, 0.95).size());
        for (int i = 1; i < e.size(); i++) assertTrue(e.t(i) - e.t(i - 1) >= 300, "gap " + (e.t(i) - e.t(i - 1)));
    }

    @Test
    void backgroundActivityHasThePoissonRateAndBothPolarities() {
        SensorSize big = new SensorSize(10, 10, 2);
        PixelParameters noisy = new PixelParameters(0.2, 0, 0, 10, EPS);
        EventCameraModel camera = new EventCameraModel(big, noisy, 1, 2);
        float[] frame = new float[big.pixels()];
        Arrays.fill(frame, 0.5f);
        camera.start(frame, 0);
        EventBuffer out = new EventBuffer(1024);
        for (long t = 1000; t <= 10_000_000; t += 1000) camera.step(frame, t, PixelRegion.of(0, 0, 0, 0), out);
        Events e = out.build();
        // 100 pixels x 10 Hz x 10 s = 10,000 expected; Poisson sd = 100.
        assertEquals(10_000, e.size(), 400);
        int on = 0;
        for (int i = 0; i < e.size(); i++) {
            on += e.p(i);
            if (i > 0) assertTrue(e.t(i) >= e.t(i - 1));
            assertTrue(big.contains(e.x(i), e.y(i)));
        }
        assertEquals(0.5, (double) on / e.size(), 0.03);
    }

    @Test
    void sameSeedsSameEventsAndTheNoiseSeedChangesThem() {
        assertArrayEquals(noisyRamp(7, 8), noisyRamp(7, 8));
        assertFalse(Arrays.equals(noisyRamp(7, 8), noisyRamp(7, 9)));
        assertFalse(Arrays.equals(noisyRamp(7, 8), noisyRamp(6, 8)), "the sensor seed sets the threshold mismatch");
    }

    /** Events of a brightening ramp with mismatch and noise, as one array of t, x, y, p. */
    private static long[] noisyRamp(long sensorSeed, long noiseSeed) {
        PixelParameters real = new PixelParameters(0.2, 0.05, 100, 50, EPS);
        EventCameraModel camera = new EventCameraModel(SENSOR, real, sensorSeed, noiseSeed);
        float[] frame = uniform(0.05);
        camera.start(frame, 0);
        EventBuffer out = new EventBuffer(64);
        for (int k = 1; k <= 100; k++) {
            Arrays.fill(frame, (float) (0.05 + 0.009 * k));
            camera.step(frame, 1000L * k, out);
        }
        Events e = out.build();
        long[] flat = new long[4 * e.size()];
        for (int i = 0; i < e.size(); i++) {
            flat[4 * i] = e.t(i);
            flat[4 * i + 1] = e.x(i);
            flat[4 * i + 2] = e.y(i);
            flat[4 * i + 3] = e.p(i);
        }
        return flat;
    }
}
