package org.firstspike.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.firstspike.core.io.IdxFixtures;
import org.firstspike.prep.job.PrepImagesJob;

/**
 * A small learnable task for the job tests, prepared by the real prep-images job from hand-built IDX files
 * ({@link IdxFixtures}): 403 train and 100 test samples.
 */
final class TinyDataset {
    private TinyDataset() {}

    /** Writes the IDX files under {@code dir} and prepares them (on the active Spark master); returns the dataset. */
    static Path prepare(Path dir) throws IOException {
        Path idx = Files.createDirectories(dir.resolve("idx"));
        IdxFixtures.writeHalves(idx, "train", 403, 1, false);
        IdxFixtures.writeHalves(idx, "t10k", 100, 2, false);
        Path data = dir.resolve("prepared");
        PrepImagesJob.run(new String[] {"--format", "idx", "--input", idx.toString(), "--out", data.toString(), "--images-per-task", "150"});
        return data;
    }

    /** Training arguments for an FC16-FC2 network on it, 3 epochs, batch 16, averaging every 4 minibatches. */
    static String[] args(Path data, Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("--data", data.toString(), "--out", out.toString(), "--epochs", "3",
                "--set", "model.input=1x8x8", "--set", "model.layers=FC16-FC2", "--set", "model.classes=2",
                "--set", "train.batchSize=16", "--set", "train.threads=1", "--set", "train.averagingFrequency=4"));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }
}
