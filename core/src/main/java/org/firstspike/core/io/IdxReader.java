package org.firstspike.core.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads image and label files in the IDX format used by MNIST and Fashion-MNIST.
 *
 * <p>An IDX file is a 4-byte magic {@code 00 00 <type> <dims>}, then {@code dims} big-endian int32
 * sizes, then the data. Only unsigned-byte data (type {@code 0x08}) is accepted: images have 3
 * dimensions (count, rows, cols; magic {@code 0x00000803}), labels have 1 (count; magic
 * {@code 0x00000801}). Files may be raw or gzip-compressed; compression is detected from the
 * content (gzip magic {@code 1f 8b}), not the file name, because downloads are often renamed or
 * transparently decompressed.
 *
 * <p>The reader is strict: a truncated file, a file with bytes after the declared data, or a gzip
 * stream that fails its checksum is rejected with a {@link MalformedInputException} naming the
 * file and byte offset, since silently training on partial data is worse than failing. For gzip
 * files, offsets count bytes of the decompressed stream.
 *
 * <p>Each reader takes either a local {@link Path} or an already open {@link InputStream} plus a
 * source name for messages, so a Spark task can read straight from a Hadoop filesystem stream.
 */
public final class IdxReader {

    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;
    private static final int UNSIGNED_BYTE = 0x08;
    private static final int MAX_SIDE = 65535;
    /** Largest array length every mainstream JVM can allocate. */
    private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    private static final int IO_BUFFER = 1 << 16;
    /**
     * First allocation for the data, whose size on a stream (gzip or not) is unknown up front. Large
     * enough that the 47 MB Fashion-MNIST training set needs one allocation, small enough that a
     * corrupt header cannot make the reader grab gigabytes before any data arrives.
     */
    private static final int INITIAL_CAPACITY = 64 << 20;

    private IdxReader() {
    }

    /**
     * Reads an IDX images file (magic {@code 0x00000803}).
     *
     * @throws MalformedInputException if the file is not a well-formed IDX images file
     */
    public static IdxImages readImages(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readImages(file.toString(), in);
        }
    }

    /**
     * Reads an IDX images file (magic {@code 0x00000803}) from {@code stream}, raw or gzip. The stream
     * is read to its end but not closed: it belongs to the caller.
     *
     * @param source name of the file for messages and {@link IdxImages#source()}, e.g. an hdfs:// URI
     * @throws MalformedInputException if the content is not a well-formed IDX images file
     */
    public static IdxImages readImages(String source, InputStream stream) throws IOException {
        try (Source in = Source.open(source, stream)) {
            int[] dims = in.readHeader(IMAGES_MAGIC, "images");
            int count = dims[0];
            int rows = dims[1];
            int cols = dims[2];
            in.checkCount(count, "image");
            in.checkSide(rows, "rows", 8);
            in.checkSide(cols, "cols", 12);
            // Each factor is below 2^31 and rows * cols below 2^32, so the product cannot overflow a long.
            long size = (long) count * rows * cols;
            if (size > MAX_ARRAY_LENGTH) {
                throw in.fail(4, "header declares " + count + " images of " + rows + "x" + cols + " = " + size
                        + " pixel bytes; expected at most " + MAX_ARRAY_LENGTH + " (the largest Java array)");
            }
            byte[] pixels = in.readData((int) size, count + " images of " + rows + "x" + cols);
            in.expectEnd();
            return new IdxImages(source, count, rows, cols, pixels);
        }
    }

    /**
     * Reads an IDX labels file (magic {@code 0x00000801}); each label is an unsigned byte 0..255.
     *
     * @throws MalformedInputException if the file is not a well-formed IDX labels file
     */
    public static int[] readLabels(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readLabels(file.toString(), in);
        }
    }

    /**
     * Reads an IDX labels file (magic {@code 0x00000801}) from {@code stream}, raw or gzip; each label
     * is an unsigned byte 0..255. The stream is read to its end but not closed.
     *
     * @param source name of the file for messages, e.g. an hdfs:// URI
     * @throws MalformedInputException if the content is not a well-formed IDX labels file
     */
    public static int[] readLabels(String source, InputStream stream) throws IOException {
        try (Source in = Source.open(source, stream)) {
            int count = in.readHeader(LABELS_MAGIC, "labels")[0];
            in.checkCount(count, "label");
            byte[] raw = in.readData(count, count + " labels");
            in.expectEnd();
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = raw[i] & 0xFF;
            }
            return labels;
        }
    }

    /**
     * Reads an images file and its labels file and checks they describe the same number of items.
     *
     * @throws MalformedInputException if either file is malformed or the counts differ
     */
    public static LabeledImages readPair(Path images, Path labels) throws IOException {
        IdxImages imgs = readImages(images);
        int[] labs = readLabels(labels);
        if (labs.length != imgs.count()) {
            // Offset 4 is the count field of the labels file.
            throw new MalformedInputException(labels, 4, "label count " + labs.length
                    + " does not match the image count " + imgs.count() + " declared in " + images
                    + "; expected one label per image");
        }
        return new LabeledImages(imgs, labs);
    }

    /**
     * Reads the standard MNIST-style file pair for a split from {@code dir}: for {@code "train"}
     * {@code train-images-idx3-ubyte} and {@code train-labels-idx1-ubyte}, for {@code "test"}
     * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each optionally with a
     * {@code .gz} suffix. When both forms exist the uncompressed file is used, as it is faster to read.
     *
     * @throws IllegalArgumentException if {@code split} is neither "train" nor "test"
     * @throws NoSuchFileException      if a file is missing; the message lists the names tried
     */
    public static LabeledImages readSplit(Path dir, String split) throws IOException {
        String prefix = switch (split) {
            case "train" -> "train";
            case "test" -> "t10k";
            default -> throw new IllegalArgumentException(dir + ": split is \"" + split
                    + "\"; expected \"train\" or \"test\"");
        };
        Path images = locate(dir, prefix + "-images-idx3-ubyte", split + " images");
        Path labels = locate(dir, prefix + "-labels-idx1-ubyte", split + " labels");
        return readPair(images, labels);
    }

    private static Path locate(Path dir, String baseName, String what) throws NoSuchFileException {
        Path raw = dir.resolve(baseName);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        Path gz = dir.resolve(baseName + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new NoSuchFileException(dir.toString(), null, "no " + what + " file in this directory; looked for "
                + baseName + " and " + baseName + ".gz");
    }

    /** An open IDX file that tracks its byte position so every error can say where it happened. */
    private static final class Source implements Closeable {
        private final String file;
        private final InputStream in;
        private final boolean gzip;
        private long position;

        private Source(String file, InputStream in, boolean gzip) {
            this.file = file;
            this.in = in;
            this.gzip = gzip;
        }

        static Source open(String file, InputStream stream) throws IOException {
            BufferedInputStream raw = new BufferedInputStream(new KeepOpen(stream), IO_BUFFER);
            try {
                raw.mark(2);
                boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
                raw.reset();
                if (!gzip) {
                    return new Source(file, raw, false);
                }
                try {
                    return new Source(file, new GZIPInputStream(raw, IO_BUFFER), true);
                } catch (ZipException | EOFException e) {
                    throw new MalformedInputException(file, 0,
                            "gzip header is corrupt or truncated (" + e.getMessage() + ")");
                }
            } catch (IOException | RuntimeException e) {
                try {
                    raw.close();
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        }

        /** Reads and checks the magic and the size fields; returns the sizes. */
        int[] readHeader(int expectedMagic, String kind) throws IOException {
            int dims = expectedMagic & 0xFF;
            int headerLength = 4 + 4 * dims;
            byte[] header = new byte[headerLength];
            int got = read(header, 0, 4);
            if (got == 0) {
                throw fail(0, "empty file; expected an IDX " + kind + " file starting with magic "
                        + hex(expectedMagic));
            }
            if (got < 4) {
                throw truncatedHeader(kind, headerLength);
            }
            int magic = ByteBuffer.wrap(header).getInt(0);
            String expectation = "; expected " + hex(expectedMagic) + " (IDX " + kind + ": unsigned bytes, "
                    + dims + (dims == 1 ? " dimension)" : " dimensions)");
            if ((magic >>> 16) != 0) {
                throw fail(0, "bad magic number " + hex(magic) + expectation);
            }
            int type = header[2] & 0xFF;
            if (type != UNSIGNED_BYTE) {
                throw fail(2, "data type byte is 0x" + String.format("%02X", type) + " (" + typeName(type)
                        + "), magic " + hex(magic) + expectation);
            }
            int foundDims = header[3] & 0xFF;
            if (foundDims != dims) {
                throw fail(3, "dimension count byte is " + foundDims + ", magic " + hex(magic) + expectation
                        + (foundDims == 1 || foundDims == 3 ? " (is this a " + (foundDims == 1 ? "labels" : "images")
                        + " file?)" : ""));
            }
            if (read(header, 4, headerLength - 4) < headerLength - 4) {
                throw truncatedHeader(kind, headerLength);
            }
            int[] sizes = new int[dims];
            ByteBuffer.wrap(header, 4, 4 * dims).asIntBuffer().get(sizes);
            return sizes;
        }

        void checkCount(int count, String noun) throws MalformedInputException {
            if (count < 0) {
                throw fail(4, noun + " count is " + count + "; expected >= 0");
            }
        }

        void checkSide(int value, String name, long offset) throws MalformedInputException {
            if (value < 1 || value > MAX_SIDE) {
                throw fail(offset, name + " is " + value + "; expected 1.." + MAX_SIDE);
            }
        }

        /** Reads exactly {@code length} data bytes or fails with where the data ended. */
        byte[] readData(int length, String description) throws IOException {
            long start = position;
            byte[] buf = new byte[Math.min(length, INITIAL_CAPACITY)];
            int filled = 0;
            while (filled < length) {
                if (filled == buf.length) {
                    // Probe before growing, so missing data is reported without a pointless allocation.
                    int next = readByte();
                    if (next < 0) {
                        break;
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min(length, Math.max(2L * buf.length, IO_BUFFER)));
                    buf[filled++] = (byte) next;
                }
                int wanted = buf.length - filled;
                int got = read(buf, filled, wanted);
                filled += got;
                if (got < wanted) {
                    break;
                }
            }
            if (filled < length) {
                throw fail(position, "truncated data: header declares " + description + " = " + length
                        + " bytes starting at byte " + start + ", but only " + filled
                        + " are present; data ends at byte " + position);
            }
            return buf;
        }

        /** Fails if anything follows the declared data; for gzip this also verifies the stream's CRC. */
        void expectEnd() throws IOException {
            long end = position;
            // Read to the end even past the first surplus byte so the message can say how many there are.
            byte[] scratch = new byte[IO_BUFFER];
            int got;
            do {
                got = read(scratch, 0, scratch.length);
            } while (got == scratch.length);
            if (position > end) {
                throw fail(end, "found " + (position - end) + " trailing bytes after the declared data; expected "
                        + "the file to end at byte " + end);
            }
        }

        /** Reads up to {@code len} bytes, fewer only at end of input. */
        private int read(byte[] b, int off, int len) throws IOException {
            int total = 0;
            try {
                while (total < len) {
                    int n = in.read(b, off + total, len - total);
                    if (n < 0) {
                        break;
                    }
                    total += n;
                }
            } catch (ZipException | EOFException e) {
                // GZIPInputStream reports a cut-off or damaged stream this way; a raw stream never does.
                if (!gzip) {
                    throw e;
                }
                throw fail(position + total, "gzip stream is corrupt or truncated after " + (position + total)
                        + " decompressed bytes (" + e.getMessage() + ")");
            }
            position += total;
            return total;
        }

        private int readByte() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
        }

        private MalformedInputException truncatedHeader(String kind, int headerLength) {
            return fail(position, "truncated header: an IDX " + kind + " header is " + headerLength
                    + " bytes, but the file ends at byte " + position);
        }

        MalformedInputException fail(long offset, String what) {
            return new MalformedInputException(file, offset,
                    gzip ? what + " [gzip file: offsets count decompressed bytes]" : what);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * The caller's stream seen through a wrapper whose close() leaves it open: closing the Source must
     * free the gzip inflater's native memory, but the stream belongs to whoever passed it in.
     */
    private static final class KeepOpen extends FilterInputStream {
        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }

    private static String hex(int value) {
        return String.format("0x%08X", value);
    }

    /** Names the IDX type codes so a wrong-type message says what the file actually holds. */
    private static String typeName(int type) {
        return switch (type) {
            case 0x09 -> "signed byte";
            case 0x0B -> "int16";
            case 0x0C -> "int32";
            case 0x0D -> "float32";
            case 0x0E -> "float64";
            default -> "not an IDX type";
        };
    }
}
