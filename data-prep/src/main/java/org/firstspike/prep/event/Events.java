package org.firstspike.prep.event;

import java.util.Arrays;

/**
 * A time-ordered stream of DVS events as parallel arrays (struct of arrays, so binning loops stream through
 * memory): timestamp in microseconds, pixel column x, pixel row y (origin top-left), polarity p (0 = OFF,
 * 1 = ON). Arrays may be longer than {@link #size()}; only the first {@code size} entries are events.
 */
public final class Events {
    private final long[] t;
    private final short[] x;
    private final short[] y;
    private final byte[] p;
    private final int size;

    public Events(long[] t, short[] x, short[] y, byte[] p, int size) {
        if (size < 0 || t.length < size || x.length < size || y.length < size || p.length < size)
            throw new IllegalArgumentException("arrays shorter than size " + size);
        this.t = t;
        this.x = x;
        this.y = y;
        this.p = p;
        this.size = size;
    }

    public static Events empty() {
        return new Events(new long[0], new short[0], new short[0], new byte[0], 0);
    }

    public int size() { return size; }

    public long t(int i) { return t[i]; }

    public int x(int i) { return x[i]; }

    public int y(int i) { return y[i]; }

    public int p(int i) { return p[i]; }

    /** Raw arrays for tight loops; valid entries are [0, size). Callers must not modify them. */
    public long[] times() { return t; }

    public short[] xs() { return x; }

    public short[] ys() { return y; }

    public byte[] polarities() { return p; }

    /** Events [from, to) as a copy. */
    public Events slice(int from, int to) {
        if (from < 0 || to > size || from > to) throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + size);
        return new Events(Arrays.copyOfRange(t, from, to), Arrays.copyOfRange(x, from, to),
                Arrays.copyOfRange(y, from, to), Arrays.copyOfRange(p, from, to), to - from);
    }

    /** Index of the first event with timestamp at or after {@code time} (events are time-ordered). */
    public int lowerBound(long time) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] < time) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
