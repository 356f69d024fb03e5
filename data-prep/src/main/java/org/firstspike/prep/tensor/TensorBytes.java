package org.firstspike.prep.tensor;

/** Dense little-endian packing of non-negative int tensors, the compact form stored in the Parquet {@code data} column. */
public final class TensorBytes {
    private TensorBytes() {}

    public static byte[] encode(int[] values, DType type) {
        int n = values.length;
        byte[] out = new byte[Math.multiplyExact(n, type.bytes())];
        switch (type) {
            case U1 -> {
                for (int i = 0; i < n; i++) out[i] = (byte) values[i];
            }
            case U2 -> {
                for (int i = 0, o = 0; i < n; i++, o += 2) {
                    out[o] = (byte) values[i];
                    out[o + 1] = (byte) (values[i] >>> 8);
                }
            }
            case I4 -> {
                for (int i = 0, o = 0; i < n; i++, o += 4) {
                    int v = values[i];
                    out[o] = (byte) v;
                    out[o + 1] = (byte) (v >>> 8);
                    out[o + 2] = (byte) (v >>> 16);
                    out[o + 3] = (byte) (v >>> 24);
                }
            }
        }
        return out;
    }

    /** Element {@code i} of a packed tensor. */
    public static int get(byte[] data, DType type, int i) {
        return switch (type) {
            case U1 -> data[i] & 0xFF;
            case U2 -> (data[2 * i] & 0xFF) | (data[2 * i + 1] & 0xFF) << 8;
            case I4 -> (data[4 * i] & 0xFF) | (data[4 * i + 1] & 0xFF) << 8 | (data[4 * i + 2] & 0xFF) << 16 | data[4 * i + 3] << 24;
        };
    }

    /** Unpacks {@code count} elements as floats into {@code dst} at {@code offset}. */
    public static void toFloats(byte[] data, DType type, int count, float[] dst, int offset) {
        if (type == DType.U1) {
            for (int i = 0; i < count; i++) dst[offset + i] = data[i] & 0xFF;
        } else {
            for (int i = 0; i < count; i++) dst[offset + i] = get(data, type, i);
        }
    }
}
