package org.firstspike.core.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * Hand-built IDX pairs for tests in every module (shared through core's test jar): two learnable classes of 8x8
 * images, a bright left half or a bright right half, with noise.
 */
public final class IdxFixtures {
    private IdxFixtures() {}

    /** Writes {@code prefix}-images-idx3-ubyte and -labels-idx1-ubyte (with .gz when {@code gzip}) under {@code dir}. */
    public static void writeHalves(Path dir, String prefix, int n, long seed, boolean gzip) throws IOException {
        Random r = new Random(seed);
        byte[] pixels = new byte[n * 64];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 2);
            for (int p = 0; p < 64; p++) pixels[i * 64 + p] = (byte) (r.nextInt(90) + (((p % 8 < 4) == (i % 2 == 0)) ? 160 : 0));
        }
        String gz = gzip ? ".gz" : "";
        IdxWriter.writeImages(dir.resolve(prefix + "-images-idx3-ubyte" + gz), n, 8, 8, pixels, gzip);
        IdxWriter.writeLabels(dir.resolve(prefix + "-labels-idx1-ubyte" + gz), labels, gzip);
    }
}
