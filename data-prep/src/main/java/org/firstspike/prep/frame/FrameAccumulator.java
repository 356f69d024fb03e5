package org.firstspike.prep.frame;

import org.firstspike.prep.event.Events;
import org.firstspike.prep.event.SensorSize;

/**
 * Counts events into frames: {@code frames[k][p][y][x] += 1} for every event of frame k's range (Tonic's
 * {@code np.add.at}, SpikingJelly's {@code bincount}). Overlapping ranges (Tonic's overlap) count an event in
 * every frame whose range holds it.
 */
public final class FrameAccumulator {
    private FrameAccumulator() {}

    /** Bins {@code ev} into frames for {@code sensor}; every event must lie inside the sensor. */
    public static Frames accumulate(Events ev, SensorSize sensor, FrameBinning binning) {
        int[][] ranges = FrameSlicer.slice(ev, binning);
        int frames = ranges[0].length;
        int channels = binning.polarities();
        int w = sensor.width();
        int plane = w * sensor.height();
        int[] counts = new int[Math.multiplyExact(Math.multiplyExact(frames, channels), plane)];
        short[] xs = ev.xs();
        short[] ys = ev.ys();
        byte[] ps = ev.polarities();
        // With merged polarity every event goes to channel 0, so the polarity stride is 0.
        int polarityStride = channels == 2 ? plane : 0;
        long events = 0;
        for (int k = 0; k < frames; k++) {
            int base = k * channels * plane;
            events += ranges[1][k] - ranges[0][k];
            for (int i = ranges[0][k], end = ranges[1][k]; i < end; i++)
                counts[base + ps[i] * polarityStride + ys[i] * w + xs[i]]++;
        }
        return new Frames(frames, channels, sensor.height(), w, counts, events);
    }
}
