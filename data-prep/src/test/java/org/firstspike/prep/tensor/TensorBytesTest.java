package org.firstspike.prep.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The stored tensor bytes are NumPy's little-endian layouts for the named dtypes. */
class TensorBytesTest {

    @Test
    void smallestTypeHoldingTheLargestCount() {
        assertEquals(DType.U1, DType.smallestFor(0));
        assertEquals(DType.U1, DType.smallestFor(255));
        assertEquals(DType.U2, DType.smallestFor(256));
        assertEquals(DType.U2, DType.smallestFor(65535));
        assertEquals(DType.I4, DType.smallestFor(65536));
    }

    @Test
    void littleEndianLayoutsByHand() {
        int[] v = {1, 258, 70000};
        assertArrayEquals(new byte[] {1, 0, 2, 1}, TensorBytes.encode(new int[] {1, 258}, DType.U2));
        byte[] i4 = TensorBytes.encode(v, DType.I4);
        assertArrayEquals(new byte[] {1, 0, 0, 0, 2, 1, 0, 0, 0x70, 0x11, 1, 0}, i4);  // 70000 = 0x00011170
        float[] f = new float[3];
        TensorBytes.toFloats(i4, DType.I4, 3, f, 0);
        assertArrayEquals(new float[] {1, 258, 70000}, f);
        assertEquals(200, TensorBytes.get(TensorBytes.encode(new int[] {200}, DType.U1), DType.U1, 0));
        assertEquals(65535, TensorBytes.get(TensorBytes.encode(new int[] {65535}, DType.U2), DType.U2, 0));
    }

    @Test
    void numpyNames() {
        assertEquals("|u1", DType.U1.numpy());
        assertEquals("<u2", DType.U2.numpy());
        assertEquals("<i4", DType.I4.numpy());
        assertEquals(DType.U2, DType.ofNumpy("<u2"));
        assertEquals("dtype '>u2': expected |u1, <u2 or <i4", assertThrows(IllegalArgumentException.class, () -> DType.ofNumpy(">u2")).getMessage());
    }
}
