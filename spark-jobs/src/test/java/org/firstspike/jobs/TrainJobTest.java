package org.firstspike.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.firstspike.core.cli.TrainLocal;
import org.firstspike.core.io.IdxWriter;
import org.firstspike.core.io.ModelIO;
import org.firstspike.core.net.ParameterVector;
import org.firstspike.prep.job.PrepImagesJob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parameter-averaging job on local[2] over a dataset written by prep-images from hand-built IDX files. */
class TrainJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    static Path data;

    /** Two classes of 8x8 images: a bright left or right half, with noise. */
    private static void writeSplit(Path dir, String prefix, int n, long seed) throws IOException {
        Random r = new Random(seed);
        byte[] pixels = new byte[n * 64];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 2);
            for (int p = 0; p < 64; p++) pixels[i * 64 + p] = (byte) (r.nextInt(90) + (((p % 8 < 4) == (i % 2 == 0)) ? 160 : 0));
        }
        IdxWriter.writeImages(dir.resolve(prefix + "-images-idx3-ubyte"), n, 8, 8, pixels, false);
        IdxWriter.writeLabels(dir.resolve(prefix + "-labels-idx1-ubyte"), labels, false);
    }

    @BeforeAll
    static void prepare() throws IOException {
        System.setProperty("spark.master", "local[2]");
        Path idx = Files.createDirectories(shared.resolve("idx"));
        writeSplit(idx, "train", 403, 1);
        writeSplit(idx, "t10k", 100, 2);
        data = shared.resolve("prepared");
        PrepImagesJob.run(new String[] {"--format", "idx", "--input", idx.toString(), "--out", data.toString(), "--images-per-task", "150"});
    }

    static String[] args(Path dataDir, Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("--data", dataDir.toString(), "--out", out.toString(), "--epochs", "3",
                "--set", "model.input=1x8x8", "--set", "model.layers=FC16-FC2", "--set", "model.classes=2",
                "--set", "train.batchSize=16", "--set", "train.threads=1", "--set", "train.averagingFrequency=4"));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    private static float[] params(Path run) throws IOException {
        return ParameterVector.values(ModelIO.load(run.resolve("model.fspk")).parameters());
    }

    @Test
    void oneWorkerRetracesLocalTrainingBitForBit(@TempDir Path tmp) throws IOException {
        ObjectNode spark = TrainJob.run(args(data, tmp.resolve("spark"), "--set", "train.workers=1"));
        ObjectNode local = TrainLocal.run(args(data, tmp.resolve("local")));
        assertArrayEquals(params(tmp.resolve("local")), params(tmp.resolve("spark")), 0f);
        assertEquals(local.get("test_accuracy"), spark.get("test_accuracy"));
        assertEquals(1, spark.get("workers").asInt());
    }

    @Test
    void twoWorkersLearnAndRepeatBitForBit(@TempDir Path tmp) throws IOException {
        ObjectNode a = TrainJob.run(args(data, tmp.resolve("a"), "--set", "train.workers=2"));
        TrainJob.run(args(data, tmp.resolve("b"), "--set", "train.workers=2"));
        assertArrayEquals(params(tmp.resolve("a")), params(tmp.resolve("b")), 0f);
        assertTrue(a.get("test_accuracy").asDouble() > 0.9, a.toString());
        assertEquals(2, a.get("workers").asInt());
        assertEquals(3, a.get("epochs").asInt());
        List<String> lines = Files.readAllLines(tmp.resolve("a/metrics.jsonl"));
        assertEquals(4, lines.size(), "epoch 0 and 3 epochs");
        assertEquals(3, JSON.readTree(lines.get(3)).get("epoch").asInt());
    }

    @Test
    void incompatibleModelsAndMissingDataFailBeforeSparkWork(@TempDir Path tmp) {
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> TrainJob.run(args(data, tmp.resolve("r"), "--set", "model.input=1x28x28")));
        assertTrue(shape.getMessage().contains("model.input = 1x28x28") && shape.getMessage().contains("1x8x8"), shape.getMessage());
        IllegalArgumentException enc = assertThrows(IllegalArgumentException.class,
                () -> TrainJob.run(args(data, tmp.resolve("r"), "--set", "model.encoding=frames")));
        assertTrue(enc.getMessage().contains("holds data for [direct, latency]"), enc.getMessage());
        IOException missing = assertThrows(IOException.class, () -> TrainJob.run(args(tmp.resolve("nowhere"), tmp.resolve("r"))));
        assertTrue(missing.getMessage().contains("no metadata.json"), missing.getMessage());
        IllegalArgumentException freq = assertThrows(IllegalArgumentException.class,
                () -> TrainJob.run(args(data, tmp.resolve("r"), "--set", "train.averagingFrequency=0")));
        assertEquals("train.averagingFrequency must be >= 1, got 0", freq.getMessage());
    }
}
