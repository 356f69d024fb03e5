package org.firstspike.prep.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Builds AEDAT 2.0 files byte by byte for tests: an ASCII header, then big-endian (address, timestamp) records. */
public final class Aedat20Builder {
    public static final String HEADER = "#!AER-DAT2.0\r\n# created by a test\r\n";
    /** Length of {@link #HEADER}: 14 + 21 bytes; the first record starts here. */
    public static final int HEADER_LENGTH = 35;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public Aedat20Builder() {
        this(HEADER);
    }

    public Aedat20Builder(String header) {
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A jAER DVS128 address: polarity bit 0, x bits 1-7, y bits 8-14. */
    public static int address(int xRaw, int yRaw, int pRaw) {
        return yRaw << 8 | xRaw << 1 | pRaw;
    }

    public Aedat20Builder record(int address, int timestamp) {
        out.writeBytes(ByteBuffer.allocate(8).putInt(address).putInt(timestamp).array());
        return this;
    }

    /** Bytes appended as they are, each given as an int 0..255. */
    public Aedat20Builder raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }
}
