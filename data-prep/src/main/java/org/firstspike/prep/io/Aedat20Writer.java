package org.firstspike.prep.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.firstspike.prep.event.Events;

/**
 * Writes a DVS128 recording as AEDAT 2.0, the format of CIFAR10-DVS ({@code <class>/cifar10_<class>_<i>.aedat}):
 * {@code #}-prefixed ASCII header lines ending in CRLF, then per event a big-endian int32 jAER address and an int32
 * microsecond timestamp.
 *
 * <p>jAER's DVS128 address holds the polarity in bit 0, the raw column in bits 1-7 and the raw row in bits 8-14. Readers
 * of CIFAR10-DVS follow SpikingJelly, which maps raw values to {@code x = 127 - y_raw, y = 127 - x_raw, p = 1 - p_raw};
 * the writer applies the inverse so that such a reader gets back exactly the events given here (origin top-left,
 * 1 = ON). The first data byte is the address's high byte, always 0, so it can never be mistaken for a {@code #}
 * header line.
 */
public final class Aedat20Writer {
    public static final String HEADER = "#!AER-DAT2.0\r\n"
            + "# This is a raw AE data file created by FirstSpike synth-events\r\n"
            + "# Data format is int32 address, int32 timestamp (8 bytes total), repeated for each event\r\n"
            + "# Timestamps tick is 1 us\r\n";
    private static final int SIDE = 128;
    private static final int EVENT_BYTES = 8;
    private static final int EVENTS_PER_CHUNK = 8192;

    private Aedat20Writer() {}

    /** jAER DVS128 address of an event given in SpikingJelly's CIFAR10-DVS coordinates. */
    public static int address(int x, int y, int p) {
        int xRaw = SIDE - 1 - y;
        int yRaw = SIDE - 1 - x;
        int pRaw = 1 - p;
        return (yRaw << 8) | (xRaw << 1) | pRaw;
    }

    public static byte[] toBytes(Events events) {
        var bytes = new java.io.ByteArrayOutputStream(HEADER.length() + events.size() * EVENT_BYTES);
        try {
            write(events, bytes);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory write failed", e);
        }
        return bytes.toByteArray();
    }

    public static void write(Events events, OutputStream out) throws IOException {
        out.write(HEADER.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer chunk = ByteBuffer.allocate(EVENTS_PER_CHUNK * EVENT_BYTES).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < events.size(); i++) {
            int x = events.x(i), y = events.y(i), p = events.p(i);
            long t = events.t(i);
            if (x < 0 || x >= SIDE || y < 0 || y >= SIDE || (p & ~1) != 0 || t < 0 || t > Integer.MAX_VALUE)
                throw new IllegalArgumentException("event " + i + " (t=" + t + " µs, x=" + x + ", y=" + y + ", p=" + p
                        + ") does not fit a DVS128 AEDAT 2.0 event (x, y in 0..127, p 0/1, t in 0.." + Integer.MAX_VALUE + " µs)");
            chunk.putInt(address(x, y, p)).putInt((int) t);
            if (!chunk.hasRemaining()) flush(chunk, out);
        }
        flush(chunk, out);
    }

    private static void flush(ByteBuffer chunk, OutputStream out) throws IOException {
        out.write(chunk.array(), 0, chunk.position());
        chunk.clear();
    }
}
