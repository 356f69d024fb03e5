package org.firstspike.prep.tensor;

/**
 * Element type of a stored tensor, named as NumPy spells it so that Python readers can pass the string straight to
 * {@code numpy.frombuffer(data, dtype=...)}. Always little-endian. Frames use the smallest type that holds their
 * largest count, which keeps typical DVS frames at one byte per value.
 */
public enum DType {
    U1("|u1", 1, 0xFF),
    U2("<u2", 2, 0xFFFF),
    I4("<i4", 4, Integer.MAX_VALUE);

    private final String numpy;
    private final int bytes;
    private final int max;

    DType(String numpy, int bytes, int max) {
        this.numpy = numpy;
        this.bytes = bytes;
        this.max = max;
    }

    public String numpy() { return numpy; }

    public int bytes() { return bytes; }

    public static DType smallestFor(int maxValue) {
        for (DType d : values()) if (maxValue <= d.max) return d;
        throw new AssertionError("unreachable: I4 holds every int");
    }

    public static DType ofNumpy(String s) {
        for (DType d : values()) if (d.numpy.equals(s)) return d;
        throw new IllegalArgumentException("dtype '" + s + "': expected |u1, <u2 or <i4");
    }
}
