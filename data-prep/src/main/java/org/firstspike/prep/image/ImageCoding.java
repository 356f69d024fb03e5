package org.firstspike.prep.image;

import org.firstspike.core.encode.InputEncoding;

/**
 * How an 8-bit image is stored: DIRECT keeps the intensities; LATENCY stores each pixel's spike step for T steps,
 * computed exactly as core's LATENCY input encoding does (round((1 - x)(T - 1)) for x = pixel / 255 > 0), with 255
 * for "no spike" (black pixels). Both are one byte per pixel.
 */
public record ImageCoding(InputEncoding encoding, int timeSteps) implements java.io.Serializable {
    public static final int NO_SPIKE = 255;
    private static final java.util.Map<Integer, byte[]> LATENCY_TABLES = new java.util.concurrent.ConcurrentHashMap<>();

    public ImageCoding {
        if (encoding != InputEncoding.DIRECT && encoding != InputEncoding.LATENCY)
            throw new IllegalArgumentException("image encoding " + encoding + ": expected direct or latency");
        if (encoding == InputEncoding.LATENCY && (timeSteps < 1 || timeSteps >= NO_SPIKE))
            throw new IllegalArgumentException("latency frames " + timeSteps + ": expected 1.." + (NO_SPIKE - 1));
        if (encoding == InputEncoding.DIRECT && timeSteps != 1)
            throw new IllegalArgumentException("--frames applies to latency encoding only; direct images have one frame");
    }

    public String name() {
        return encoding.name().toLowerCase();
    }

    /** The stored bytes of {@code length} pixels starting at {@code offset}. */
    public byte[] encode(byte[] pixels, int offset, int length) {
        byte[] out = new byte[length];
        if (encoding == InputEncoding.DIRECT) {
            System.arraycopy(pixels, offset, out, 0, length);
            return out;
        }
        byte[] table = LATENCY_TABLES.computeIfAbsent(timeSteps, ImageCoding::latencyTable);
        for (int i = 0; i < length; i++) out[i] = table[pixels[offset + i] & 0xFF];
        return out;
    }

    /** Spike step of each pixel value for T steps; built once per T, not once per image. */
    private static byte[] latencyTable(int timeSteps) {
        byte[] table = new byte[256];
        for (int v = 0; v < 256; v++) {
            int step = InputEncoding.latencyStep(v / 255f, timeSteps);
            table[v] = (byte) (step < 0 ? NO_SPIKE : step);
        }
        return table;
    }
}
