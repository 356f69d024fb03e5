package org.firstspike.prep.frame;

/**
 * Event counts per frame, channel (polarity: OFF = 0, ON = 1, or one merged channel) and pixel, in
 * {@code [T][C][H][W]} order (SpikingJelly's and Tonic's frame layout). {@code events} is how many events were
 * counted (an event in two overlapping windows counts twice), equal to {@link #total()} without the scan.
 */
public record Frames(int frames, int channels, int height, int width, int[] counts, long events) {

    public Frames {
        if ((long) frames * channels * height * width != counts.length)
            throw new IllegalArgumentException("counts " + counts.length + " != " + frames + "x" + channels + "x" + height + "x" + width);
    }

    public int count(int t, int c, int y, int x) {
        return counts[((t * channels + c) * height + y) * width + x];
    }

    /** Sum over all frames: the number of events binned. */
    public long total() {
        long s = 0;
        for (int v : counts) s += v;
        return s;
    }

    /** Largest count, which decides the storage type. */
    public int max() {
        int m = 0;
        for (int v : counts) m = Math.max(m, v);
        return m;
    }

    public int[] shape() {
        return new int[] {frames, channels, height, width};
    }
}
