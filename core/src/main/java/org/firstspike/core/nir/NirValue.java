package org.firstspike.core.nir;

import java.util.Arrays;

/**
 * One dataset of a NIR file: a node parameter or a metadata entry. NIR stores weights as float arrays, shapes and
 * geometry as int64, and names and descriptions as strings; the shape is row-major (last index fastest), an empty
 * shape is a scalar.
 */
public sealed interface NirValue {
    int[] shape();

    /** float32 values, e.g. weights, biases, thresholds. */
    record Floats(int[] shape, float[] data) implements NirValue {
        public Floats {
            checkLength(shape, data.length);
        }

        public static Floats scalar(float v) { return new Floats(new int[0], new float[] {v}); }

        /** The same value at every position of {@code shape} (neuron parameters are per neuron in NIR). */
        public static Floats filled(int[] shape, float v) {
            float[] d = new float[size(shape)];
            Arrays.fill(d, v);
            return new Floats(shape, d);
        }

        @Override public boolean equals(Object o) {
            return o instanceof Floats f && Arrays.equals(shape, f.shape) && Arrays.equals(data, f.data);
        }

        @Override public int hashCode() { return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data); }

        @Override public String toString() { return "float32" + Arrays.toString(shape); }
    }

    /** int64 values, e.g. shapes, strides, padding. */
    record Longs(int[] shape, long[] data) implements NirValue {
        public Longs {
            checkLength(shape, data.length);
        }

        public static Longs scalar(long v) { return new Longs(new int[0], new long[] {v}); }

        public static Longs vector(long... v) { return new Longs(new int[] {v.length}, v); }

        @Override public boolean equals(Object o) {
            return o instanceof Longs l && Arrays.equals(shape, l.shape) && Arrays.equals(data, l.data);
        }

        @Override public int hashCode() { return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data); }

        @Override public String toString() { return "int64" + Arrays.toString(shape) + (data.length <= 8 ? "=" + Arrays.toString(data) : ""); }
    }

    /** A scalar string. */
    record Text(String value) implements NirValue {
        @Override public int[] shape() { return new int[0]; }
    }

    static int size(int[] shape) {
        int n = 1;
        for (int d : shape) n = Math.multiplyExact(n, d);
        return n;
    }

    private static void checkLength(int[] shape, int length) {
        if (size(shape) != length)
            throw new IllegalArgumentException("NIR array of shape " + Arrays.toString(shape) + " needs " + size(shape)
                    + " values, got " + length);
    }
}
