package org.firstspike.prep.synth;

import org.firstspike.prep.event.EventBuffer;
import org.firstspike.prep.event.Events;
import org.firstspike.prep.event.SensorSize;

/**
 * A flat picture on a monitor as the camera's pixels see it: the image's luminance, scaled by {@code scale} sensor
 * pixels per image pixel and placed at a sub-pixel position, sampled bilinearly (the optics blur a pixel over its
 * neighbours; a sub-pixel shift changes intensities smoothly, which is what makes a small movement produce events).
 * Around the image the monitor shows black. Filming it moving along a path gives N-MNIST- and CIFAR10-DVS-style
 * recordings.
 */
public final class ImageProjection {
    private final SensorSize sensor;
    private final int imageWidth;
    private final int imageHeight;
    private final double scale;
    private final float black;
    /** Luminance with a one-pixel border of monitor black, so sampling never needs a bounds check. */
    private final float[] padded;
    private final int paddedWidth;

    public ImageProjection(GreyImage image, DisplayParameters display, double scale, SensorSize sensor) {
        if (!(scale > 0)) throw new IllegalArgumentException("image scale " + scale + ": expected > 0");
        this.sensor = sensor;
        this.imageWidth = image.width();
        this.imageHeight = image.height();
        this.scale = scale;
        this.black = display.luminance(0);
        paddedWidth = imageWidth + 2;
        padded = new float[paddedWidth * (imageHeight + 2)];
        java.util.Arrays.fill(padded, black);
        for (int y = 0; y < imageHeight; y++)
            for (int x = 0; x < imageWidth; x++) padded[(y + 1) * paddedWidth + x + 1] = display.luminance(image.at(x, y));
    }

    /**
     * Films the image moving along {@code motion} (position of its top-left corner in sensor pixels) for
     * {@code durationUs}, sampling the scene every {@code stepUs}.
     */
    public Events film(PolygonMotion motion, long durationUs, long stepUs, PixelParameters pixels, long sensorSeed, long noiseSeed) {
        if (stepUs <= 0 || durationUs <= 0) throw new IllegalArgumentException("film " + durationUs + " µs in steps of " + stepUs + " µs: both must be > 0");
        EventCameraModel camera = new EventCameraModel(sensor, pixels, sensorSeed, noiseSeed);
        float[] frame = new float[sensor.pixels()];
        java.util.Arrays.fill(frame, black);
        double[] at = new double[2];
        PixelRegion previous = new PixelRegion();
        PixelRegion changed = new PixelRegion();
        motion.at(0, at);
        footprint(at[0], at[1], previous);
        render(at[0], at[1], previous, frame);
        camera.start(frame, 0);
        EventBuffer out = new EventBuffer(1 << 12);
        for (long t = 0; t < durationUs; ) {
            t = Math.min(durationUs, t + stepUs);
            motion.at(t, at);
            changed.set(previous);
            previous.clear();
            footprint(at[0], at[1], previous);
            changed.include(previous);
            render(at[0], at[1], changed, frame);
            camera.step(frame, t, changed, out);
        }
        return out.build();
    }

    /** The sensor pixels the image (with its bilinear fringe) can touch when its corner is at (left, top). */
    void footprint(double left, double top, PixelRegion into) {
        into.include(left - scale - 1, top - scale - 1, left + (imageWidth + 1) * scale, top + (imageHeight + 1) * scale);
        into.clip(sensor.width(), sensor.height());
    }

    /** Writes into {@code frame} the luminance of the pixels of {@code region} with the image's corner at (left, top). */
    void render(double left, double top, PixelRegion region, float[] frame) {
        int x0 = region.x0(), x1 = region.x1();
        int[] column = new int[x1 - x0];
        float[] columnWeight = new float[x1 - x0];
        for (int x = x0; x < x1; x++) {
            double u = clampSource((x + 0.5 - left) / scale - 0.5, imageWidth);
            int iu = Math.min((int) Math.floor(u), imageWidth - 1);
            column[x - x0] = iu + 1;
            columnWeight[x - x0] = (float) (u - iu);
        }
        for (int y = region.y0(); y < region.y1(); y++) {
            double v = clampSource((y + 0.5 - top) / scale - 0.5, imageHeight);
            int iv = Math.min((int) Math.floor(v), imageHeight - 1);
            float wy = (float) (v - iv);
            int row0 = (iv + 1) * paddedWidth, row1 = row0 + paddedWidth;
            for (int x = x0, o = y * sensor.width() + x0; x < x1; x++, o++) {
                int c = column[x - x0];
                float wx = columnWeight[x - x0];
                float top0 = padded[row0 + c] + wx * (padded[row0 + c + 1] - padded[row0 + c]);
                float bottom = padded[row1 + c] + wx * (padded[row1 + c + 1] - padded[row1 + c]);
                frame[o] = top0 + wy * (bottom - top0);
            }
        }
    }

    /** Source coordinates beyond one pixel outside the image all see the black border. */
    private static double clampSource(double u, int size) {
        return Math.max(-1, Math.min(size, u));
    }
}
