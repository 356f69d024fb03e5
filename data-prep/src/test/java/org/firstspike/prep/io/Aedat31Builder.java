package org.firstspike.prep.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds AEDAT 3.1 files byte by byte for tests: an ASCII header, then little-endian event packets. */
public final class Aedat31Builder {
    /** The header lines a DVS128 Gesture file starts with (the Start-Time line left out). */
    public static final String HEADER = "#!AER-DAT3.1\r\n#Format: RAW\r\n#Source 0: DVS128\r\n#!END-HEADER\r\n";
    /** Length of {@link #HEADER}: 14 + 14 + 19 + 14 bytes; the first packet starts here. */
    public static final int HEADER_LENGTH = 61;
    public static final int PACKET_HEADER = 28;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public Aedat31Builder() {
        this(HEADER);
    }

    public Aedat31Builder(String header) {
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
    }

    /** The data word of a polarity event: x in bits 17-31, y in bits 2-16, polarity bit 1, valid mark bit 0. */
    public static int data(int x, int y, int p, boolean valid) {
        return x << 17 | y << 2 | p << 1 | (valid ? 1 : 0);
    }

    /** A packet with every header field given, followed by {@code data} as is. */
    public Aedat31Builder packet(int type, int size, int tsOffset, int tsOverflow, int capacity, int number, int valid,
            byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(PACKET_HEADER).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) type).putShort((short) 1).putInt(size).putInt(tsOffset).putInt(tsOverflow)
                .putInt(capacity).putInt(number).putInt(valid);
        out.writeBytes(b.array());
        out.writeBytes(data);
        return this;
    }

    /**
     * A well-formed polarity packet of {@code capacity} slots whose first ones hold {@code events}, each
     * {@code {data word, timestamp}}; the remaining slots are zero (unused, invalid).
     */
    public Aedat31Builder polarity(int tsOverflow, int capacity, int[]... events) {
        ByteBuffer b = ByteBuffer.allocate(8 * capacity).order(ByteOrder.LITTLE_ENDIAN);
        int valid = 0;
        for (int[] e : events) {
            b.putInt(e[0]).putInt(e[1]);
            valid += e[0] & 1;
        }
        return packet(1, 8, 4, tsOverflow, capacity, events.length, valid, b.array());
    }

    /** Bytes appended as they are, e.g. a cut-off packet header. */
    public Aedat31Builder raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }
}
