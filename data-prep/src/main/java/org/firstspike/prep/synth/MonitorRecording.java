package org.firstspike.prep.synth;

import org.firstspike.prep.event.Events;
import org.firstspike.prep.event.SensorSize;

/**
 * A CIFAR10-DVS-style recording (Li et al. 2017): an image shown enlarged on a monitor in front of a fixed DVS128 and
 * moved by a repeated closed-loop smooth movement, here laps of a small diamond whose diagonal strokes move both edge
 * orientations at once.
 */
public final class MonitorRecording {
    public static final SensorSize SENSOR = SensorSize.DVS128;

    /**
     * @param imageSide side of the displayed image in sensor pixels
     * @param amplitude distance of the diamond's corners from its centre, in sensor pixels
     * @param strokeUs  duration of one stroke (a lap has four)
     * @param laps      laps per recording
     * @param stepUs    simulation time step
     */
    public record Settings(double imageSide, double amplitude, long strokeUs, int laps, long stepUs, DisplayParameters display,
                           PixelParameters pixels) {
        public static Settings defaults() {
            return new Settings(100, 2.5, 50_000, 6, 4_000, DisplayParameters.lcd(), new PixelParameters(0.25, 0.03, 1_000, 0.2, 0.05));
        }

        public Settings with(Knobs k) {
            return new Settings(k.number("monitor.imageSide", imageSide), k.number("monitor.amplitude", amplitude),
                    k.integer("monitor.strokeUs", strokeUs), (int) k.integer("monitor.laps", laps), k.integer("camera.stepUs", stepUs),
                    display.with(k), pixels.with(k));
        }
    }

    private MonitorRecording() {}

    public static Events record(GreyImage image, Settings s, long sensorSeed, long noiseSeed) {
        if (s.laps() < 1) throw new IllegalArgumentException("monitor.laps " + s.laps() + ": expected >= 1");
        double scale = s.imageSide() / Math.max(image.width(), image.height());
        double left = (SENSOR.width() - image.width() * scale) / 2;
        double top = (SENSOR.height() - image.height() * scale) / 2;
        double a = s.amplitude();
        PolygonMotion loop = new PolygonMotion(new double[] {left + a, top, left, top + a, left - a, top, left, top - a}, s.strokeUs());
        return new ImageProjection(image, s.display(), scale, SENSOR)
                .film(loop, (long) s.laps() * loop.strokesPerLap() * s.strokeUs(), s.stepUs(), s.pixels(), sensorSeed, noiseSeed);
    }
}
