package org.firstspike.prep.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.firstspike.core.io.IdxWriter;

/** Hand-built IDX pairs for the job tests: two classes of 8x8 images, a bright top half or a bright bottom half. */
final class IdxFiles {
    private IdxFiles() {}

    static void writeSplit(Path dir, String prefix, int n, long seed, boolean gzip) throws IOException {
        Random r = new Random(seed);
        byte[] pixels = new byte[n * 64];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 2);
            for (int p = 0; p < 64; p++) {
                boolean bright = (p < 32) == (labels[i] == 0);
                pixels[i * 64 + p] = (byte) (r.nextInt(100) + (bright ? 150 : 0));
            }
        }
        String gz = gzip ? ".gz" : "";
        IdxWriter.writeImages(dir.resolve(prefix + "-images-idx3-ubyte" + gz), n, 8, 8, pixels, gzip);
        IdxWriter.writeLabels(dir.resolve(prefix + "-labels-idx1-ubyte" + gz), labels, gzip);
    }
}
