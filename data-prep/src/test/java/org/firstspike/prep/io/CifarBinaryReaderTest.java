package org.firstspike.prep.io;

import static org.firstspike.prep.io.ReaderAssertions.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** CifarBinaryReader on hand-built CIFAR-10 and CIFAR-100 records, and every rejection. */
class CifarBinaryReaderTest {

    private static final String SOURCE = "hdfs://namenode:8020/cifar/data_batch_1.bin";
    private static final int PIXELS = 3072;

    /** 3072 pixel bytes whose value encodes the image and position: (seed + position) mod 256. */
    private static byte[] pixels(int seed) {
        byte[] p = new byte[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            p[i] = (byte) (seed + i);
        }
        return p;
    }

    /** One record: the label bytes, then the pixels. */
    private static byte[] record(byte[] pixels, int... labels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int l : labels) {
            out.write(l);
        }
        out.writeBytes(pixels);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void cifar10RecordsKeepTheirPixelOrder() throws Exception {
        byte[] file = concat(record(pixels(0), 9), record(pixels(100), 0));
        ImageBatch b = CifarBinaryReader.read(SOURCE, file, CifarVariant.CIFAR10);
        assertEquals(2, b.count());
        assertEquals(3, b.channels());
        assertEquals(32, b.height());
        assertEquals(32, b.width());
        assertArrayEquals(new int[] {9, 0}, b.labels());
        assertArrayEquals(concat(pixels(0), pixels(100)), b.pixels());
        // Image 1, blue channel (2), row 31, column 0: byte 1 * 3072 + 2 * 1024 + 31 * 32 = 6112, value (100 + 3040) mod 256.
        assertEquals((byte) (100 + 3040), b.pixels()[6112]);
    }

    @Test
    void cifar100VariantsPickCoarseOrFineLabel() throws Exception {
        byte[] file = concat(record(pixels(1), 19, 99), record(pixels(2), 0, 42));
        ImageBatch coarse = CifarBinaryReader.read(SOURCE, file, CifarVariant.CIFAR100_COARSE);
        ImageBatch fine = CifarBinaryReader.read(SOURCE, file, CifarVariant.CIFAR100_FINE);
        assertArrayEquals(new int[] {19, 0}, coarse.labels());
        assertArrayEquals(new int[] {99, 42}, fine.labels());
        assertArrayEquals(concat(pixels(1), pixels(2)), fine.pixels());
    }

    @Test
    void batchesCompareByContent() throws Exception {
        byte[] file = record(pixels(7), 3);
        ImageBatch a = CifarBinaryReader.read(SOURCE, file, CifarVariant.CIFAR10);
        ImageBatch b = CifarBinaryReader.read(SOURCE, file.clone(), CifarVariant.CIFAR10);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("ImageBatch[count=1, channels=3, height=32, width=32]", a.toString());
        ImageBatch otherLabel = CifarBinaryReader.read(SOURCE, record(pixels(7), 4), CifarVariant.CIFAR10);
        assertNotEquals(a, otherLabel);
        assertThrows(IllegalArgumentException.class, () -> new ImageBatch(2, 3, 32, 32, new byte[PIXELS], new int[2]));
        assertThrows(IllegalArgumentException.class, () -> new ImageBatch(1, 3, 32, 32, new byte[PIXELS], new int[0]));
    }

    // ---- rejected inputs ----

    @Test
    void emptyFile() {
        assertMalformed(SOURCE, 0, () -> CifarBinaryReader.read(SOURCE, new byte[0], CifarVariant.CIFAR10),
                "empty file", "expected 3073-byte CIFAR-10 records (1 label byte + 3072 pixel bytes)");
    }

    @Test
    void partialRecord() {
        byte[] cut = Arrays.copyOf(concat(record(pixels(0), 1), record(pixels(0), 2)), 3073 + 100);
        assertMalformed(SOURCE, 3073, () -> CifarBinaryReader.read(SOURCE, cut, CifarVariant.CIFAR10),
                "trailing partial record: 100 bytes left", "expected 3073-byte CIFAR-10 records");
        // Two CIFAR-100 records read as CIFAR-10: 6148 = 2 * 3073 + 2, and the hint names the other layout.
        byte[] cifar100 = concat(record(pixels(0), 1, 2), record(pixels(0), 3, 4));
        assertMalformed(SOURCE, 6146, () -> CifarBinaryReader.read(SOURCE, cifar100, CifarVariant.CIFAR10),
                "trailing partial record: 2 bytes left", "whole number of CIFAR-100 records: wrong variant?");
        assertMalformed(SOURCE, 0, () -> CifarBinaryReader.read(SOURCE, new byte[5], CifarVariant.CIFAR100_FINE),
                "trailing partial record: 5 bytes left", "expected 3074-byte CIFAR-100 records (2 label bytes");
    }

    @Test
    void labelOutOfRange() {
        byte[] cifar10 = concat(record(pixels(0), 9), record(pixels(0), 10));
        assertMalformed(SOURCE, 3073, () -> CifarBinaryReader.read(SOURCE, cifar10, CifarVariant.CIFAR10),
                "record 1: label 10", "expected 0..9");
        // The fine label is checked even when the coarse one is returned, and vice versa.
        byte[] badFine = concat(record(pixels(0), 1, 2), record(pixels(0), 3, 100));
        assertMalformed(SOURCE, 3074 + 1, () -> CifarBinaryReader.read(SOURCE, badFine, CifarVariant.CIFAR100_COARSE),
                "record 1: fine label 100", "expected 0..99");
        byte[] badCoarse = record(pixels(0), 255, 5);
        assertMalformed(SOURCE, 0, () -> CifarBinaryReader.read(SOURCE, badCoarse, CifarVariant.CIFAR100_FINE),
                "record 0: coarse label 255", "expected 0..19");
    }
}
