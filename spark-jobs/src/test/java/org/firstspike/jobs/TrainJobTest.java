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
import java.util.List;
import org.firstspike.core.cli.TrainLocal;
import org.firstspike.core.io.ModelIO;
import org.firstspike.core.net.ParameterVector;
import org.firstspike.core.report.PngChecks;
import org.firstspike.core.report.SpikeRaster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parameter-averaging job on local[2] over a dataset written by prep-images from hand-built IDX files. */
class TrainJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    static Path data;

    @BeforeAll
    static void prepare() throws IOException {
        System.setProperty("spark.master", "local[2]");
        data = TinyDataset.prepare(shared);
    }

    private static String[] args(Path dataDir, Path out, String... extra) {
        return TinyDataset.args(dataDir, out, extra);
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

        ObjectNode eval = EvalJob.run(new String[] {"--model", tmp.resolve("a/model-inference.fspk").toString(), "--data", data.toString(),
                "--out", tmp.resolve("eval.json").toString()});
        assertEquals(a.get("test_accuracy").asDouble(), eval.get("accuracy").asDouble(), 0.0, "the folded model predicts the same");
        assertEquals(100, eval.get("samples").asInt());
        long total = 0;
        for (var row : eval.get("confusion")) for (var v : row) total += v.asLong();
        assertEquals(100, total);
        assertEquals(JSON.writeValueAsString(eval), Files.readString(tmp.resolve("eval.json")).trim());
    }

    @Test
    void theRunLeavesAReportThatTheReportCommandRedraws(@TempDir Path tmp) throws IOException {
        Path run = tmp.resolve("run");
        TrainJob.run(args(data, run, "--set", "train.workers=2", "--epochs", "1"));
        List<String> plots = List.of("loss", "accuracy", "spikes-per-neuron", "throughput", "confusion", "first-spike-steps", "raster");
        for (String p : plots) PngChecks.drawn(Files.readAllBytes(run.resolve("plots/" + p + ".png")), 500, 400, 0.02, p);
        SpikeRaster raster = SpikeRaster.fromJson(Files.readString(run.resolve("raster.json")), "raster.json");
        assertEquals(4, raster.samples(), "the first test samples, read on the driver");

        // redrawn from the files alone, also after the plots were deleted, and with eval.json's confusion when present
        for (String p : plots) Files.delete(run.resolve("plots/" + p + ".png"));
        EvalJob.run(new String[] {"--model", run.resolve("model-inference.fspk").toString(), "--data", data.toString(),
                "--out", run.resolve("eval.json").toString()});
        ObjectNode report = ReportCommand.run(new String[] {run.toString()});
        assertEquals("training", report.get("kind").asText());
        assertEquals(plots.size(), report.get("plots").size());
        for (String p : plots) assertTrue(Files.exists(run.resolve("plots/" + p + ".png")), p);
        assertTrue(Files.readString(run.resolve("report.html")).contains("inference model, eval.json"));

        IllegalArgumentException usage = assertThrows(IllegalArgumentException.class, () -> ReportCommand.run(new String[0]));
        assertTrue(usage.getMessage().contains("RUN_DIR"));
        IOException missing = assertThrows(IOException.class, () -> ReportCommand.run(new String[] {tmp.resolve("nowhere").toString()}));
        assertTrue(missing.getMessage().contains("nowhere"), missing.getMessage());
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
