package org.firstspike.prep.event;

import java.util.Arrays;

/** Growable builder of {@link Events}; readers and transforms append in time order. */
public final class EventBuffer {
    private long[] t;
    private short[] x;
    private short[] y;
    private byte[] p;
    private int size;

    public EventBuffer(int initialCapacity) {
        int c = Math.max(16, initialCapacity);
        t = new long[c];
        x = new short[c];
        y = new short[c];
        p = new byte[c];
    }

    public void add(long time, int col, int row, int polarity) {
        if (size == t.length) grow();
        t[size] = time;
        x[size] = (short) col;
        y[size] = (short) row;
        p[size] = (byte) polarity;
        size++;
    }

    public int size() { return size; }

    /** Timestamp of the last event added; only valid when {@link #size()} > 0. */
    public long lastTime() { return t[size - 1]; }

    /** The events added so far; the buffer must not be used afterwards (arrays are shared, not copied). */
    public Events build() {
        return new Events(t, x, y, p, size);
    }

    private void grow() {
        int c = (int) Math.min(Integer.MAX_VALUE - 8L, 2L * t.length);
        if (c == t.length) throw new IllegalStateException("more than " + c + " events in one buffer");
        t = Arrays.copyOf(t, c);
        x = Arrays.copyOf(x, c);
        y = Arrays.copyOf(y, c);
        p = Arrays.copyOf(p, c);
    }
}
