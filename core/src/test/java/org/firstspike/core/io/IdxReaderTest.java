package org.firstspike.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests IdxReader against hand-built IDX files, every rejection path, and (when present) Fashion-MNIST. */
class IdxReaderTest {

    private static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir
    Path dir;

    // ---- builders for hand-made IDX files ----

    /** Header with an arbitrary magic and sizes, big-endian as the format requires. */
    private static byte[] header(int magic, int... sizes) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * sizes.length).putInt(magic);
        for (int s : sizes) {
            b.putInt(s);
        }
        return b.array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] imagesFile(int count, int rows, int cols, byte[] pixels) {
        return concat(header(0x00000803, count, rows, cols), pixels);
    }

    private static byte[] labelsFile(byte[] labels) {
        return concat(header(0x00000801, labels.length), labels);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Asserts a MalformedInputException whose message names the file, the offset, and every given fragment. */
    private static MalformedInputException assertMalformed(Path file, long offset, IoCall call, String... fragments) {
        return assertMalformed(file.toString(), offset, call, fragments);
    }

    private static MalformedInputException assertMalformed(String file, long offset, IoCall call, String... fragments) {
        MalformedInputException e = assertThrows(MalformedInputException.class, call::run);
        assertEquals(file, e.source());
        assertEquals(offset, e.offset(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ": at byte " + offset + ": "), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "expected \"" + f + "\" in: " + e.getMessage());
        }
        return e;
    }

    @FunctionalInterface
    private interface IoCall {
        void run() throws IOException;
    }

    // ---- round trips ----

    @Test
    void rawImagesRoundTripExactly() throws IOException {
        byte[] pixels = randomBytes(3 * 4 * 5, 1);
        pixels[0] = 0;
        pixels[1] = (byte) 255;
        pixels[2] = (byte) 128;
        Path f = write("imgs", imagesFile(3, 4, 5, pixels));

        IdxImages images = IdxReader.readImages(f);

        assertEquals(f.toString(), images.source());
        assertEquals(3, images.count());
        assertEquals(4, images.rows());
        assertEquals(5, images.cols());
        assertArrayEquals(pixels, images.pixels());
        assertEquals(0, images.pixel(0, 0, 0));
        assertEquals(255, images.pixel(0, 0, 1));
        assertEquals(128, images.pixel(0, 0, 2));
        // Last pixel of the last image checks the row-major indexing end to end.
        assertEquals(pixels[59] & 0xFF, images.pixel(2, 3, 4));
        assertEquals(pixels[(1 * 4 + 2) * 5 + 3] & 0xFF, images.pixel(1, 2, 3));
    }

    @Test
    void gzippedFilesAreDetectedByContentNotName() throws IOException {
        byte[] pixels = randomBytes(2 * 3 * 3, 2);
        byte[] labels = {0, 9, (byte) 255};
        // Gzip content without a .gz name, and raw content with a .gz name.
        Path gzImages = write("images-no-suffix", gzip(imagesFile(2, 3, 3, pixels)));
        Path rawImages = write("images-raw.gz", imagesFile(2, 3, 3, pixels));
        Path gzLabels = write("labels.bin", gzip(labelsFile(labels)));

        assertArrayEquals(pixels, IdxReader.readImages(gzImages).pixels());
        assertArrayEquals(pixels, IdxReader.readImages(rawImages).pixels());
        assertArrayEquals(new int[] {0, 9, 255}, IdxReader.readLabels(gzLabels));
    }

    @Test
    void largeGzipDataRoundTrips() throws IOException {
        // Larger than the IO buffers so the chunked read path is exercised.
        byte[] pixels = randomBytes(500 * 28 * 28, 3);
        Path f = write("big.gz", gzip(imagesFile(500, 28, 28, pixels)));
        assertArrayEquals(pixels, IdxReader.readImages(f).pixels());
    }

    @Test
    void zeroImagesIsValid() throws IOException {
        IdxImages images = IdxReader.readImages(write("empty-set", imagesFile(0, 28, 28, new byte[0])));
        assertEquals(0, images.count());
        assertEquals(0, images.pixels().length);
        assertEquals(0, IdxReader.readLabels(write("no-labels", labelsFile(new byte[0]))).length);
    }

    @Test
    void unitFloatsArePixelOver255() throws IOException {
        byte[] pixels = {0, 1, (byte) 127, (byte) 128, (byte) 254, (byte) 255};
        float[] unit = IdxReader.readImages(write("f", imagesFile(1, 2, 3, pixels))).toUnitFloats();
        for (int k = 0; k < pixels.length; k++) {
            assertEquals((pixels[k] & 0xFF) / 255f, unit[k]);
        }
        assertEquals(0f, unit[0]);
        assertEquals(1f, unit[5]);
    }

    @Test
    void pixelOutsideTheStackIsRejected() throws IOException {
        IdxImages images = IdxReader.readImages(write("p", imagesFile(1, 2, 2, new byte[4])));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> images.pixel(0, 2, 0));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("1 images of 2x2"), e.getMessage());
    }

    /** Records whether the reader closed a stream it was handed (it must not: the caller owns it). */
    private static final class TrackedStream extends ByteArrayInputStream {
        boolean closed;

        TrackedStream(byte[] content) {
            super(content);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void streamsAreReadUnderTheCallersSourceNameAndLeftOpen() throws IOException {
        String imagesUri = "hdfs://namenode:8020/datasets/mnist/train-images-idx3-ubyte.gz";
        byte[] pixels = randomBytes(2 * 3 * 4, 6);
        TrackedStream gzImages = new TrackedStream(gzip(imagesFile(2, 3, 4, pixels)));
        IdxImages images = IdxReader.readImages(imagesUri, gzImages);
        assertEquals(imagesUri, images.source());
        assertEquals(2, images.count());
        assertArrayEquals(pixels, images.pixels());
        assertFalse(gzImages.closed);

        TrackedStream rawLabels = new TrackedStream(labelsFile(new byte[] {4, (byte) 200}));
        assertArrayEquals(new int[] {4, 200}, IdxReader.readLabels("hdfs://namenode:8020/labels", rawLabels));
        assertFalse(rawLabels.closed);
    }

    @Test
    void streamErrorsNameTheCallersSource() {
        String uri = "hdfs://namenode:8020/short-images";
        assertMalformed(uri, 116, () -> IdxReader.readImages(uri,
                        new ByteArrayInputStream(imagesFile(2, 10, 10, new byte[100]))),
                "truncated data", "2 images of 10x10 = 200 bytes", "only 100 are present");
        assertMalformed(uri, 0, () -> IdxReader.readLabels(uri, new ByteArrayInputStream(new byte[0])),
                "empty file", "0x00000801");
    }

    // ---- rejected inputs ----

    @Test
    void emptyFile() throws IOException {
        Path f = write("empty", new byte[0]);
        assertMalformed(f, 0, () -> IdxReader.readImages(f), "empty file", "0x00000803");
        assertMalformed(f, 0, () -> IdxReader.readLabels(f), "empty file", "0x00000801");
        Path gz = write("empty.gz", gzip(new byte[0]));
        assertMalformed(gz, 0, () -> IdxReader.readImages(gz), "empty file", "decompressed");
    }

    @Test
    void wrongMagic() throws IOException {
        Path png = write("picture.png", concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, new byte[16]));
        assertMalformed(png, 0, () -> IdxReader.readImages(png), "bad magic number 0x89504E47", "expected 0x00000803");
        assertMalformed(png, 0, () -> IdxReader.readLabels(png), "0x89504E47", "expected 0x00000801");
    }

    @Test
    void wrongDataType() throws IOException {
        Path f = write("floats", concat(header(0x00000D03, 1, 1, 1), new byte[4]));
        assertMalformed(f, 2, () -> IdxReader.readImages(f),
                "data type byte is 0x0D (float32)", "magic 0x00000D03", "expected 0x00000803");
    }

    @Test
    void wrongDimensionCount() throws IOException {
        Path labels = write("labels-file", labelsFile(new byte[] {1, 2}));
        assertMalformed(labels, 3, () -> IdxReader.readImages(labels),
                "dimension count byte is 1", "expected 0x00000803", "3 dimensions", "labels file?");
        Path images = write("images-file", imagesFile(1, 1, 1, new byte[1]));
        assertMalformed(images, 3, () -> IdxReader.readLabels(images),
                "dimension count byte is 3", "expected 0x00000801", "1 dimension", "images file?");
    }

    @Test
    void negativeCount() throws IOException {
        Path f = write("neg", header(0x00000803, -5, 28, 28));
        assertMalformed(f, 4, () -> IdxReader.readImages(f), "image count is -5", "expected >= 0");
        Path l = write("neg-labels", header(0x00000801, -1));
        assertMalformed(l, 4, () -> IdxReader.readLabels(l), "label count is -1", "expected >= 0");
    }

    @Test
    void rowsAndColsOutOfRange() throws IOException {
        Path zeroRows = write("zero-rows", header(0x00000803, 1, 0, 28));
        assertMalformed(zeroRows, 8, () -> IdxReader.readImages(zeroRows), "rows is 0", "expected 1..65535");
        Path hugeCols = write("huge-cols", header(0x00000803, 1, 28, 70000));
        assertMalformed(hugeCols, 12, () -> IdxReader.readImages(hugeCols), "cols is 70000", "expected 1..65535");
        Path negRows = write("neg-rows", header(0x00000803, 1, -28, 28));
        assertMalformed(negRows, 8, () -> IdxReader.readImages(negRows), "rows is -28");
    }

    @Test
    void absurdTotalSizeIsRejectedBeforeAllocating() throws IOException {
        Path f = write("absurd", header(0x00000803, Integer.MAX_VALUE, 65535, 65535));
        assertMalformed(f, 4, () -> IdxReader.readImages(f), "pixel bytes", "expected at most 2147483639");
    }

    @Test
    void truncatedHeader() throws IOException {
        byte[] full = header(0x00000803, 10, 28, 28);
        Path f = write("short-header", Arrays.copyOf(full, 10));
        assertMalformed(f, 10, () -> IdxReader.readImages(f), "truncated header", "16 bytes", "ends at byte 10");
        Path magicOnly = write("magic-cut", Arrays.copyOf(full, 3));
        assertMalformed(magicOnly, 3, () -> IdxReader.readImages(magicOnly), "truncated header", "ends at byte 3");
        Path labels = write("labels-cut", Arrays.copyOf(header(0x00000801, 7), 6));
        assertMalformed(labels, 6, () -> IdxReader.readLabels(labels), "truncated header", "8 bytes");
    }

    @Test
    void truncatedData() throws IOException {
        Path f = write("short-data", imagesFile(10, 28, 28, new byte[5000]));
        assertMalformed(f, 5016, () -> IdxReader.readImages(f), "truncated data", "10 images of 28x28",
                "= 7840 bytes", "starting at byte 16", "only 5000 are present", "data ends at byte 5016");
        Path gz = write("short-data.gz", gzip(imagesFile(10, 28, 28, new byte[5000])));
        assertMalformed(gz, 5016, () -> IdxReader.readImages(gz), "only 5000 are present", "decompressed");
        Path labels = write("short-labels", concat(header(0x00000801, 4), new byte[] {1, 2}));
        assertMalformed(labels, 10, () -> IdxReader.readLabels(labels), "4 labels = 4 bytes", "only 2 are present");
    }

    @Test
    void trailingBytesAreAnError() throws IOException {
        Path f = write("trailing", concat(imagesFile(1, 2, 2, new byte[4]), new byte[3]));
        assertMalformed(f, 20, () -> IdxReader.readImages(f),
                "3 trailing bytes", "expected the file to end at byte 20");
        Path l = write("trailing-labels.gz", gzip(concat(labelsFile(new byte[] {1}), new byte[] {0})));
        assertMalformed(l, 9, () -> IdxReader.readLabels(l), "1 trailing bytes", "end at byte 9");
    }

    @Test
    void truncatedGzip() throws IOException {
        byte[] gz = gzip(imagesFile(20, 28, 28, randomBytes(20 * 28 * 28, 4)));
        for (int cut : new int[] {5, gz.length / 2, gz.length - 4}) {
            Path f = write("cut-" + cut + ".gz", Arrays.copyOf(gz, cut));
            MalformedInputException e = assertThrows(MalformedInputException.class, () -> IdxReader.readImages(f));
            assertEquals(f.toString(), e.source());
            assertTrue(e.getMessage().startsWith(f + ": at byte "), e.getMessage());
            assertTrue(e.getMessage().contains("gzip"), e.getMessage());
            assertTrue(e.getMessage().contains("corrupt or truncated"), e.getMessage());
        }
    }

    @Test
    void corruptGzip() throws IOException {
        byte[] gz = gzip(imagesFile(2, 3, 3, randomBytes(18, 5)));
        // Flip a bit of the stored CRC-32 in the gzip trailer: the data inflates but fails the check.
        gz[gz.length - 6] ^= 1;
        Path f = write("bad-crc.gz", gz);
        assertMalformed(f, 34, () -> IdxReader.readImages(f), "gzip stream is corrupt or truncated");
        // Only the gzip magic, then garbage.
        Path garbage = write("garbage.gz", new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        assertMalformed(garbage, 0, () -> IdxReader.readImages(garbage), "gzip header is corrupt or truncated");
    }

    // ---- pairs and splits ----

    @Test
    void pairWithMismatchedCountsNamesBothFiles() throws IOException {
        Path images = write("imgs", imagesFile(3, 1, 1, new byte[3]));
        Path labels = write("labs", labelsFile(new byte[] {1, 2}));
        assertMalformed(labels, 4, () -> IdxReader.readPair(images, labels),
                "label count 2", "image count 3", images.toString());
    }

    @Test
    void pairReadsBoth() throws IOException {
        Path images = write("imgs", imagesFile(2, 1, 2, new byte[] {1, 2, 3, 4}));
        Path labels = write("labs", labelsFile(new byte[] {7, 3}));
        LabeledImages pair = IdxReader.readPair(images, labels);
        assertArrayEquals(new int[] {7, 3}, pair.labels());
        assertEquals(4, pair.images().pixel(1, 0, 1));
    }

    @Test
    void splitPrefersRawOverGzip() throws IOException {
        write("train-images-idx3-ubyte", imagesFile(1, 1, 1, new byte[] {1}));
        write("train-images-idx3-ubyte.gz", gzip(imagesFile(1, 1, 1, new byte[] {2})));
        write("train-labels-idx1-ubyte.gz", gzip(labelsFile(new byte[] {5})));
        write("t10k-images-idx3-ubyte.gz", gzip(imagesFile(2, 1, 1, new byte[] {3, 4})));
        write("t10k-labels-idx1-ubyte", labelsFile(new byte[] {6, 7}));

        LabeledImages train = IdxReader.readSplit(dir, "train");
        assertEquals(dir.resolve("train-images-idx3-ubyte").toString(), train.images().source());
        assertEquals(1, train.images().pixel(0, 0, 0));
        assertArrayEquals(new int[] {5}, train.labels());

        LabeledImages test = IdxReader.readSplit(dir, "test");
        assertEquals(dir.resolve("t10k-images-idx3-ubyte.gz").toString(), test.images().source());
        assertArrayEquals(new int[] {6, 7}, test.labels());
    }

    @Test
    void splitWithMissingFileListsNamesTried() throws IOException {
        write("t10k-images-idx3-ubyte", imagesFile(1, 1, 1, new byte[] {1}));
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> IdxReader.readSplit(dir, "test"));
        String m = e.getMessage();
        assertTrue(m.startsWith(dir.toString()), m);
        assertTrue(m.contains("t10k-labels-idx1-ubyte and t10k-labels-idx1-ubyte.gz"), m);
    }

    @Test
    void unknownSplitName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdxReader.readSplit(dir, "validation"));
        assertTrue(e.getMessage().contains("\"validation\"") && e.getMessage().contains("\"train\" or \"test\""),
                e.getMessage());
    }

    @Test
    void realFashionMnistTestSplit() throws IOException {
        Assumptions.assumeTrue(Files.exists(FASHION_MNIST.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST not installed at " + FASHION_MNIST);
        LabeledImages test = IdxReader.readSplit(FASHION_MNIST, "test");
        assertEquals(10000, test.images().count());
        assertEquals(28, test.images().rows());
        assertEquals(28, test.images().cols());
        int[] perClass = new int[10];
        for (int label : test.labels()) {
            assertTrue(label >= 0 && label <= 9, "label " + label);
            perClass[label]++;
        }
        int[] expected = new int[10];
        Arrays.fill(expected, 1000);
        assertArrayEquals(expected, perClass);
    }
}
