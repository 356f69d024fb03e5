package org.firstspike.prep.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Fixed-width integers read straight out of a byte array. Byte-array view handles compile to single
 * loads, so the decoding loops run at memory speed without wrapping the content in a ByteBuffer.
 */
final class Endian {
    private static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LE_SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private Endian() {
    }

    static int le32(byte[] b, int at) {
        return (int) LE_INT.get(b, at);
    }

    static int be32(byte[] b, int at) {
        return (int) BE_INT.get(b, at);
    }

    static short le16(byte[] b, int at) {
        return (short) LE_SHORT.get(b, at);
    }
}
