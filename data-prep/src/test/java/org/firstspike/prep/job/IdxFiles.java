package org.firstspike.prep.job;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Hand-built IDX pairs for the job tests: two classes of 8x8 images (bright left or right half, with noise). */
final class IdxFiles {
    private IdxFiles() {}

    static void writeSplit(Path dir, String prefix, int n, long seed, boolean gzip) throws IOException {
        Random r = new Random(seed);
        byte[] pixels = new byte[n * 64];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 2);
            for (int p = 0; p < 64; p++) {
                boolean left = p % 8 < 4;
                int v = r.nextInt(90) + ((left == (i % 2 == 0)) ? 160 : 0);
                pixels[i * 64 + p] = (byte) Math.min(255, v);
            }
        }
        try (DataOutputStream o = new DataOutputStream(open(dir.resolve(prefix + "-images-idx3-ubyte"), gzip))) {
            o.writeInt(0x803);
            o.writeInt(n);
            o.writeInt(8);
            o.writeInt(8);
            o.write(pixels);
        }
        writeLabels(dir.resolve(prefix + "-labels-idx1-ubyte"), labels, gzip);
    }

    static void writeLabels(Path file, byte[] labels, boolean gzip) throws IOException {
        try (DataOutputStream o = new DataOutputStream(open(file, gzip))) {
            o.writeInt(0x801);
            o.writeInt(labels.length);
            o.write(labels);
        }
    }

    private static OutputStream open(Path file, boolean gzip) throws IOException {
        OutputStream raw = Files.newOutputStream(gzip ? file.resolveSibling(file.getFileName() + ".gz") : file);
        return gzip ? new GZIPOutputStream(raw) : raw;
    }
}
