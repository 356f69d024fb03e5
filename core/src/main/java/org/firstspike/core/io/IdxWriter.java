package org.firstspike.core.io;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes unsigned-byte IDX files, the inverse of {@link IdxReader}: used to build real IDX inputs for tests and
 * small experiments. Big-endian header as the format requires; gzip optional.
 */
public final class IdxWriter {
    private IdxWriter() {}

    /** {@code count} images of rows x cols, row-major, image-major; magic 0x00000803. */
    public static void writeImages(Path file, int count, int rows, int cols, byte[] pixels, boolean gzip) throws IOException {
        if (pixels.length != (long) count * rows * cols)
            throw new IllegalArgumentException(pixels.length + " pixel bytes; expected " + count + " x " + rows + " x " + cols);
        try (DataOutputStream o = new DataOutputStream(open(file, gzip))) {
            o.writeInt(0x803);
            o.writeInt(count);
            o.writeInt(rows);
            o.writeInt(cols);
            o.write(pixels);
        }
    }

    /** One label byte per item; magic 0x00000801. */
    public static void writeLabels(Path file, byte[] labels, boolean gzip) throws IOException {
        try (DataOutputStream o = new DataOutputStream(open(file, gzip))) {
            o.writeInt(0x801);
            o.writeInt(labels.length);
            o.write(labels);
        }
    }

    private static OutputStream open(Path file, boolean gzip) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        return gzip ? new GZIPOutputStream(raw) : raw;
    }
}
