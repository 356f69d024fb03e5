package org.firstspike.core.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.firstspike.core.io.IdxReader;
import org.firstspike.core.io.IdxFixtures;
import org.firstspike.core.io.LabeledImages;
import org.firstspike.core.io.ModelIO;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.net.Network;
import org.firstspike.core.report.PngChecks;
import org.firstspike.core.report.SpikeRaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main local job end to end on hand-built IDX files: run directory, metrics, summary, reloadable model. */
class TrainLocalTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void writeSplit(Path dir, String prefix, int n, long seed) throws IOException {
        IdxFixtures.writeHalves(dir, prefix, n, seed, false);
    }

    private static String[] args(Path data, Path out, String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("--data", data.toString(), "--out", out.toString(), "--epochs", "3",
                "--set", "model.input=1x8x8", "--set", "model.layers=FC16-FC2", "--set", "model.classes=2",
                "--set", "train.batchSize=16", "--set", "train.threads=1"));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    @Test
    void trainsAndLeavesACompleteRunDirectory(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        writeSplit(data, "train", 400, 1);
        writeSplit(data, "t10k", 100, 2);
        Path out = dir.resolve("run");
        JsonNode summary = TrainLocal.run(args(data, out));

        for (String key : List.of("test_accuracy", "spikes_per_neuron", "mean_first_spike_step", "train_samples_per_s", "epochs"))
            assertTrue(summary.has(key), "summary lacks " + key + ": " + summary);
        assertEquals(3, summary.get("epochs").asInt());
        assertTrue(summary.get("test_accuracy").asDouble() > 0.9, "learns the task: " + summary);
        double spikes = summary.get("spikes_per_neuron").asDouble();
        assertTrue(spikes > 0 && spikes <= 1, "spikes per neuron " + spikes);

        List<String> lines = Files.readAllLines(out.resolve("metrics.jsonl"));
        assertEquals(4, lines.size(), "epoch 0 (initialization) plus 3 epochs");
        for (int e = 0; e < 4; e++) assertEquals(e, JSON.readTree(lines.get(e)).get("epoch").asInt());
        assertTrue(JSON.readTree(lines.get(0)).get("train_loss").isNull(), "no training loss before training");
        assertEquals(summary, JSON.readTree(Files.readString(out.resolve("summary.json"))));
        assertTrue(Files.readString(out.resolve("config.properties")).contains("model.layers = FC16-FC2"));
        assertEquals(data.toString(), summary.get("data").asText());
        assertEquals(400, summary.get("train_samples").asInt());

        // the report: every plot drawn, the raster of the first test samples taken from the inference model
        for (String plot : List.of("loss", "accuracy", "spikes-per-neuron", "throughput", "confusion", "first-spike-steps", "raster"))
            PngChecks.drawn(Files.readAllBytes(out.resolve("plots/" + plot + ".png")), 500, 400, 0.02, plot);
        assertTrue(Files.readString(out.resolve("report.html")).contains("data:image/png;base64,"));
        SpikeRaster raster = SpikeRaster.fromJson(Files.readString(out.resolve("raster.json")), "raster.json");
        assertEquals(4, raster.samples());

        // both saved models reproduce the reported test accuracy
        LabeledImages test = IdxReader.readSplit(data, "test");
        float[] x = new float[100 * 64];
        for (int i = 0; i < x.length; i++) x[i] = (test.images().pixels()[i] & 0xff) / 255f;
        for (String file : List.of("model.fspk", "model-inference.fspk")) {
            Network net = ModelIO.load(out.resolve(file));
            int[] pred = net.forward(x, 100, null, Engine.FAST).predictions();
            for (int i = 0; i < 4; i++) assertEquals(pred[i], raster.predictions()[i], "raster sample " + i);
            int correct = 0;
            for (int i = 0; i < 100; i++) if (pred[i] == test.labels()[i]) correct++;
            assertEquals(summary.get("test_accuracy").asDouble(), correct / 100.0, 1e-12, file);
        }
        Network a = ModelIO.load(out.resolve("model.fspk"));
        Network b = ModelIO.load(out.resolve("model-inference.fspk"));
        assertArrayEquals(a.forward(x, 100, null, Engine.FAST).logits(), b.forward(x, 100, null, Engine.FAST).logits(), 0f);
    }

    @Test
    void rejectsAModelThatDoesNotFitTheData(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        writeSplit(data, "train", 20, 1);
        writeSplit(data, "t10k", 10, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainLocal.run(args(data, dir.resolve("run"), "--set", "model.input=1x28x28")));
        assertTrue(e.getMessage().contains("1x28x28") && e.getMessage().contains(data.toString()), e.getMessage());
        IOException missing = assertThrows(IOException.class, () -> TrainLocal.run(args(dir.resolve("nowhere"), dir.resolve("run"))));
        assertTrue(missing.getMessage().contains("nowhere"), missing.getMessage());
    }
}
