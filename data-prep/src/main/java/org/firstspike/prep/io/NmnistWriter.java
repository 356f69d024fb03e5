package org.firstspike.prep.io;

import java.io.IOException;
import java.io.OutputStream;
import org.firstspike.prep.event.Events;

/**
 * Writes one N-MNIST sample ({@code Train/<label>/<id>.bin}): no header, 5 bytes per event: x, y, then
 * bit 7 = polarity (1 ON) and a 23-bit microsecond timestamp in the remaining 23 bits, big-endian
 * (Orchard et al. 2015; read the same way by SpikingJelly's {@code load_ATIS_bin} and Tonic).
 * Values that do not fit the fields are rejected rather than truncated, since a wrapped timestamp or
 * coordinate would silently corrupt the sample.
 */
public final class NmnistWriter {
    public static final int EVENT_BYTES = 5;
    public static final long MAX_TIME_US = (1L << 23) - 1;

    private NmnistWriter() {}

    public static byte[] toBytes(Events events) {
        int n = events.size();
        byte[] out = new byte[n * EVENT_BYTES];
        for (int i = 0; i < n; i++) {
            int x = events.x(i), y = events.y(i), p = events.p(i);
            long t = events.t(i);
            if (x < 0 || x > 255 || y < 0 || y > 255 || (p & ~1) != 0 || t < 0 || t > MAX_TIME_US)
                throw new IllegalArgumentException("event " + i + " (t=" + t + " µs, x=" + x + ", y=" + y + ", p=" + p
                        + ") does not fit N-MNIST's 8-bit x/y, 1-bit polarity and 23-bit timestamp (max " + MAX_TIME_US + " µs)");
            int o = i * EVENT_BYTES;
            out[o] = (byte) x;
            out[o + 1] = (byte) y;
            out[o + 2] = (byte) ((p << 7) | (int) (t >>> 16));
            out[o + 3] = (byte) (t >>> 8);
            out[o + 4] = (byte) t;
        }
        return out;
    }

    public static void write(Events events, OutputStream out) throws IOException {
        out.write(toBytes(events));
    }
}
