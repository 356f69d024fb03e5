package org.firstspike.prep.transform;

import org.firstspike.prep.event.Events;
import org.firstspike.prep.event.SensorSize;

/**
 * Shrinks the pixel grid: each event moves to pixel (floor(x * targetWidth / width), floor(y * targetHeight /
 * height)), so binning afterwards sums the events of each block. With a whole factor f (target = sensor / f) this is
 * the sum over f x f blocks; any target size is allowed (Tonic's {@code Downsample(sensor_size, target_size)}, with
 * exact integer arithmetic instead of a float factor). No event is dropped.
 */
public record SpatialDownsample(int targetWidth, int targetHeight) implements java.io.Serializable {

    public SpatialDownsample {
        if (targetWidth <= 0 || targetHeight <= 0)
            throw new IllegalArgumentException("downsample target " + targetWidth + "x" + targetHeight + ": sides must be positive");
    }

    /** Sum over factor x factor blocks; the sensor sides must be multiples of the factor. */
    public static SpatialDownsample byFactor(SensorSize sensor, int factor) {
        if (factor < 1 || sensor.width() % factor != 0 || sensor.height() % factor != 0)
            throw new IllegalArgumentException("downsample factor " + factor + ": expected a whole divisor of the sensor "
                    + sensor.width() + "x" + sensor.height());
        return new SpatialDownsample(sensor.width() / factor, sensor.height() / factor);
    }

    public SensorSize target(SensorSize sensor) {
        if (targetWidth > sensor.width() || targetHeight > sensor.height())
            throw new IllegalArgumentException("downsample target " + targetWidth + "x" + targetHeight
                    + " is larger than the sensor " + sensor.width() + "x" + sensor.height());
        return new SensorSize(targetWidth, targetHeight, sensor.polarities());
    }

    public Events apply(Events ev, SensorSize sensor) {
        int n = ev.size();
        short[] x = new short[n];
        short[] y = new short[n];
        short[] xs = ev.xs();
        short[] ys = ev.ys();
        int w = sensor.width(), h = sensor.height();
        for (int i = 0; i < n; i++) {
            x[i] = (short) (xs[i] * targetWidth / w);
            y[i] = (short) (ys[i] * targetHeight / h);
        }
        return new Events(ev.times(), x, y, ev.polarities(), n);
    }
}
