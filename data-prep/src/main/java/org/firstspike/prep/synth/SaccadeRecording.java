package org.firstspike.prep.synth;

import org.firstspike.prep.event.Events;
import org.firstspike.prep.event.SensorSize;

/**
 * An N-MNIST-style recording (Orchard et al. 2015): a static 28x28 image on a monitor, seen by a 34x34 ATIS sensor that
 * a pan-tilt unit moves in three saccades of about 100 ms along a triangle. Relative to the sensor the image travels
 * the triangle, centred so that its 28x28 square stays inside the 34x34 array.
 */
public final class SaccadeRecording {
    public static final SensorSize SENSOR = SensorSize.ATIS_NMNIST;
    private static final int SACCADES = 3;

    /**
     * @param triangleSide side of the saccade triangle in sensor pixels
     * @param saccadeUs    duration of one saccade
     * @param stepUs       simulation time step (event times are interpolated inside it)
     */
    public record Settings(double triangleSide, long saccadeUs, long stepUs, DisplayParameters display, PixelParameters pixels) {
        public static Settings defaults() {
            return new Settings(3.5, 100_000, 2_000, DisplayParameters.lcd(), new PixelParameters(0.25, 0.03, 1_000, 0.5, 0.05));
        }

        public Settings with(Knobs k) {
            return new Settings(k.number("saccade.side", triangleSide), k.integer("saccade.us", saccadeUs),
                    k.integer("camera.stepUs", stepUs), display.with(k), pixels.with(k));
        }
    }

    private SaccadeRecording() {}

    public static Events record(GreyImage image, Settings s, long sensorSeed, long noiseSeed) {
        double left = (SENSOR.width() - image.width()) / 2.0;
        double top = (SENSOR.height() - image.height()) / 2.0;
        double r = s.triangleSide() / Math.sqrt(3);
        // Vertices at 90° (up), 210° and 330° around the centred position; y grows downwards.
        double[] triangle = new double[2 * SACCADES];
        for (int k = 0; k < SACCADES; k++) {
            double a = Math.toRadians(-90 + 120 * k);
            triangle[2 * k] = left + r * Math.cos(a);
            triangle[2 * k + 1] = top + r * Math.sin(a);
        }
        PolygonMotion saccades = new PolygonMotion(triangle, s.saccadeUs());
        return new ImageProjection(image, s.display(), 1, SENSOR)
                .film(saccades, SACCADES * s.saccadeUs(), s.stepUs(), s.pixels(), sensorSeed, noiseSeed);
    }
}
