package org.firstspike.prep.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.firstspike.core.cli.TrainLocal;
import org.firstspike.core.data.DatasetSplit;
import org.firstspike.core.data.IdxFormat;
import org.firstspike.core.encode.InputEncoding;
import org.firstspike.core.io.IdxFixtures;
import org.firstspike.core.io.IdxWriter;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.layer.Shape;
import org.firstspike.prep.io.PreparedDatasetFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prep-images on local[2] over hand-built IDX files: layout, contents, metadata, cache, bad inputs, training. */
class PrepImagesJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    static Path idx;

    @BeforeAll
    static void corpus() throws IOException {
        System.setProperty("spark.master", "local[2]");
        idx = Files.createDirectories(shared.resolve("idx"));
        IdxFixtures.writeHalves(idx, "train", 150, 1, true);
        IdxFixtures.writeHalves(idx, "t10k", 40, 2, false);
    }

    private static ObjectNode prep(Path in, Path out, String... extra) throws IOException {
        List<String> a = new ArrayList<>(List.of("--format", "idx", "--input", in.toString(), "--out", out.toString(),
                "--images-per-task", "64"));
        a.addAll(List.of(extra));
        return PrepImagesJob.run(a.toArray(new String[0]));
    }

    private static long parts(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).count();
        }
    }

    @Test
    void directImagesRoundTripExactlyInBlocks(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("direct");
        ObjectNode summary = prep(idx, out);
        assertEquals(150, summary.get("samples").get("train").asInt());
        assertEquals(40, summary.get("samples").get("test").asInt());
        assertEquals(0, summary.get("rejected").asInt());
        assertEquals(3, parts(out.resolve("train")), "150 images in blocks of 64: one file per task");
        assertEquals(1, parts(out.resolve("test")));
        JsonNode meta = JSON.readTree(out.resolve("metadata.json").toFile());
        assertEquals("firstspike-tensors", meta.get("format").asText());
        assertEquals(75, meta.get("splits").get("train").get("per_class").get("1").asInt());
        assertEquals(2, meta.get("sources").get("count").asInt());
        assertEquals(64, meta.get("sources").get("sha256_of_list").asText().length());
        assertTrue(meta.get("schema").has("data"));

        for (String split : List.of("train", "test")) {
            DatasetSplit fromIdx = new IdxFormat().load(idx, split, 0);
            DatasetSplit prepared = new PreparedDatasetFormat().load(out, split, 0);
            assertEquals(new Shape(1, 8, 8), prepared.shape());
            assertEquals(fromIdx.samples().size(), prepared.samples().size());
            float[] a = new float[64], b = new float[64];
            for (int i = 0; i < fromIdx.samples().size(); i++) {
                assertEquals(fromIdx.samples().label(i), prepared.samples().label(i));
                fromIdx.samples().copySample(i, a, 0);
                prepared.samples().copySample(i, b, 0);
                assertArrayEquals(a, b, 0f, split + " sample " + i);
            }
        }
        SparkSession spark = SparkSession.active();
        Row first = spark.read().parquet(out.resolve("train").toString()).orderBy("sample_id").first();
        assertEquals("train-images-idx3-ubyte.gz#0", first.getAs("sample_id"));
        assertEquals("direct", first.getAs("encoding"));
        assertEquals("|u1", first.getAs("dtype"));
        assertEquals(0, spark.read().parquet(out.resolve("rejected").toString()).count());
        assertEquals(4, spark.read().parquet(out.resolve("sources").toString()).count(), "one report per block");
    }

    @Test
    void latencyCodesFeedTheNetworkExactlyAsCoreLatencyEncoding(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("latency");
        prep(idx, out, "--encoding", "latency", "--frames", "6");
        DatasetSplit fromIdx = new IdxFormat().load(idx, "test", 0);
        DatasetSplit prepared = new PreparedDatasetFormat().load(out, "test", 0);
        assertEquals(6, prepared.frames());
        assertEquals(6 * 64, prepared.sampleLength());
        prepared.format().checkCompatible(new Shape(1, 8, 8), InputEncoding.FRAMES, 6);
        int n = fromIdx.samples().size();
        float[] intensities = new float[n * 64];
        float[] frames = new float[n * 6 * 64];
        for (int i = 0; i < n; i++) {
            fromIdx.samples().copySample(i, intensities, i * 64);
            prepared.samples().copySample(i, frames, i * 6 * 64);
        }
        Shape s = new Shape(1, 8, 8);
        float[] viaCore = InputEncoding.LATENCY.encode(intensities, n, s, 6, Engine.REFERENCE).data();
        float[] viaPrep = InputEncoding.FRAMES.encode(frames, n, s, 6, Engine.REFERENCE).data();
        assertArrayEquals(viaCore, viaPrep, 0f);
    }

    @Test
    void rerunWithTheSameRecipeIsSkippedAndForeignFoldersAreRefused(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("cached");
        assertFalse(prep(idx, out).get("cached").asBoolean());
        ObjectNode again = prep(idx, out);
        assertTrue(again.get("cached").asBoolean(), again.toString());
        assertFalse(prep(idx, out, "--force").get("cached").asBoolean());
        assertFalse(prep(idx, out, "--compression", "snappy").get("cached").asBoolean(), "another recipe rebuilds");

        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        IOException e = assertThrows(IOException.class, () -> prep(idx, foreign));
        assertTrue(e.getMessage().contains("not empty") && e.getMessage().contains("--force"), e.getMessage());
        assertTrue(Files.exists(foreign.resolve("notes.txt")));
    }

    @Test
    void badIdxMagicFailsWithFileAndOffsetOrIsRejected(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        IdxFixtures.writeHalves(in, "train", 20, 3, false);
        IdxFixtures.writeHalves(in, "t10k", 10, 4, false);
        byte[] bytes = Files.readAllBytes(in.resolve("t10k-images-idx3-ubyte"));
        bytes[3] = 0x01;
        Files.write(in.resolve("t10k-images-idx3-ubyte"), bytes);
        IOException e = assertThrows(IOException.class, () -> prep(in, tmp.resolve("fail")));
        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte: at byte 0: magic 00 00 08 01; expected 00 00 08 03"), e.getMessage());

        ObjectNode s = prep(in, tmp.resolve("skip"), "--on-bad-input", "skip");
        assertEquals(20, s.get("samples").get("train").asInt());
        assertFalse(s.get("samples").has("test"));
        assertEquals(1, s.get("rejected").asInt());
        List<Row> rejected = SparkSession.active().read().parquet(tmp.resolve("skip/rejected").toString()).collectAsList();
        assertEquals(1, rejected.size());
        assertTrue(rejected.get(0).<String>getAs("reason").contains("magic"), rejected.toString());
        assertEquals(0L, (long) rejected.get(0).<Long>getAs("position"));
    }

    @Test
    void labelCountMismatchFailsOrIsRejected(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        IdxFixtures.writeHalves(in, "train", 20, 3, false);
        IdxFixtures.writeHalves(in, "t10k", 10, 4, false);
        IdxWriter.writeLabels(in.resolve("t10k-labels-idx1-ubyte"), new byte[9], false);
        IOException e = assertThrows(IOException.class, () -> prep(in, tmp.resolve("fail")));
        assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte: at byte 4: label count 9 does not match the image count 10"),
                e.getMessage());
        ObjectNode s = prep(in, tmp.resolve("skip"), "--on-bad-input", "skip");
        assertEquals(1, s.get("rejected").asInt());
        assertEquals(20, s.get("samples").get("train").asInt());
    }

    /** CIFAR-10 binary records: label byte, then 3,072 pixel bytes (R, G, B planes); pixel i of record r is (r + i) mod 251. */
    private static byte[] cifarBatch(int first, int... labels) {
        byte[] b = new byte[labels.length * 3073];
        for (int r = 0; r < labels.length; r++) {
            b[r * 3073] = (byte) labels[r];
            for (int i = 0; i < 3072; i++) b[r * 3073 + 1 + i] = (byte) ((first + r + i) % 251);
        }
        return b;
    }

    @Test
    void cifarBatchesBecomeThreeChannelSamplesAndBadBatchesAreRejected(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("cifar-10-batches-bin"));
        Files.write(in.resolve("data_batch_1.bin"), cifarBatch(0, 3, 9, 0));
        Files.write(in.resolve("data_batch_2.bin"), cifarBatch(3, 1));
        Files.write(in.resolve("test_batch.bin"), cifarBatch(4, 7, 7));
        Files.writeString(in.resolve("batches.meta.txt"), "airplane\n");
        Path out = tmp.resolve("out");
        ObjectNode s = PrepImagesJob.run(new String[] {"--format", "cifar", "--input", in.toString(), "--out", out.toString()});
        assertEquals(4, s.get("samples").get("train").asInt());
        assertEquals(2, s.get("samples").get("test").asInt());
        assertEquals(1, s.get("ignored_files").asInt(), "batches.meta.txt is counted, not read");
        DatasetSplit train = new PreparedDatasetFormat().load(out, "train", 0);
        assertEquals(new Shape(3, 32, 32), train.shape());
        assertEquals(List.of(3, 9, 0, 1), List.of(train.samples().label(0), train.samples().label(1), train.samples().label(2),
                train.samples().label(3)));
        float[] x = new float[3072];
        train.samples().copySample(3, x, 0);  // record 0 of data_batch_2, first = 3
        for (int i : new int[] {0, 1023, 1024, 3071}) assertEquals(((3 + i) % 251) / 255f, x[i], 0f, "pixel " + i);
        assertEquals("ship", JSON.readTree(out.resolve("metadata.json").toFile()).get("classes").get(8).asText());

        Files.write(in.resolve("data_batch_2.bin"), java.util.Arrays.copyOf(cifarBatch(3, 1), 3000));
        IOException e = assertThrows(IOException.class, () -> PrepImagesJob.run(new String[] {"--format", "cifar", "--input",
                in.toString(), "--out", tmp.resolve("fail").toString()}));
        assertTrue(e.getMessage().contains("data_batch_2.bin: at byte 0:"), e.getMessage());
        ObjectNode skipped = PrepImagesJob.run(new String[] {"--format", "cifar", "--input", in.toString(), "--out",
                tmp.resolve("skip").toString(), "--on-bad-input", "skip"});
        assertEquals(3, skipped.get("samples").get("train").asInt());
        assertEquals(1, skipped.get("rejected").asInt());
    }

    @Test
    void trainingFromTheParquetOutputEqualsTrainingFromIdx(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("prepared");
        prep(idx, out);
        String[] common = {"--epochs", "2", "--set", "model.input=1x8x8", "--set", "model.layers=FC16-FC2",
                "--set", "model.classes=2", "--set", "train.batchSize=16", "--set", "train.threads=1"};
        ObjectNode a = TrainLocal.run(concat(new String[] {"--data", idx.toString(), "--out", tmp.resolve("run-idx").toString()}, common));
        ObjectNode b = TrainLocal.run(concat(new String[] {"--data", out.toString(), "--out", tmp.resolve("run-pq").toString()}, common));
        assertEquals(a.get("test_accuracy"), b.get("test_accuracy"));
        assertEquals(a.get("test_loss"), b.get("test_loss"), "same samples in the same order: the same training, bit for bit");
        assertArrayEquals(Files.readAllBytes(tmp.resolve("run-idx/model-inference.fspk")),
                Files.readAllBytes(tmp.resolve("run-pq/model-inference.fspk")));
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
