package org.firstspike.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.firstspike.core.net.TestNets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports drawn from run directories written by hand in the documented file shapes. */
class RunReportTest {
    private static final String CONFUSION = "[[40,2,0],[3,45,2],[1,0,47]]";

    private static String epoch(int e, String trainLoss, double acc, double spikes, String counts) {
        return "{\"epoch\":" + e + ",\"train_loss\":" + trainLoss + ",\"train_accuracy\":" + (e == 0 ? "null" : acc - 0.02)
                + ",\"test_samples\":140,\"test_accuracy\":" + acc + ",\"test_loss\":" + (1.5 - acc) + ",\"spikes_per_neuron\":" + spikes
                + ",\"spikes_per_neuron_by_layer\":[" + spikes + "," + spikes / 2 + "],\"mean_first_spike_step\":1.7" + counts
                + ",\"train_samples_per_s\":" + (e == 0 ? "null" : 1000 + e) + ",\"epoch_seconds\":2.5,\"learning_rate\":0.001}";
    }

    private static Path trainingRun(Path dir, boolean finished) throws IOException {
        String counts = ",\"confusion\":" + CONFUSION + ",\"first_spike_steps\":[0,90,30,10,5,3,1,1]";
        Files.writeString(dir.resolve("metrics.jsonl"), String.join("\n", epoch(0, "null", 0.33, 0.5, counts),
                epoch(1, "0.9", 0.80, 0.42, counts), epoch(2, "0.6", 0.88, 0.40, counts), epoch(3, "0.5", 0.9, 0.39, counts)) + "\n");
        Files.writeString(dir.resolve("config.properties"), "model.layers = FC20-FC3\nmodel.timeSteps = 7\n");
        if (finished)
            Files.writeString(dir.resolve("summary.json"), "{\"test_accuracy\":0.9,\"best_test_accuracy\":0.9,\"epochs\":3,"
                    + "\"wall_seconds\":9.5,\"workers\":2,\"data\":\"/data/toy\",\"train_samples\":600,\"test_samples\":140}\n");
        SpikeRaster raster = SpikeRaster.record(TestNets.network(TestNets.settings("model.input", "1x4x4", "model.layers", "FC20-FC3",
                "model.classes", "3", "model.timeSteps", "7"), 5), TestNets.uniform(4 * 16, 3), new int[] {0, 1, 2, 0}, 4);
        Files.writeString(dir.resolve("raster.json"), raster.toJson());
        return dir;
    }

    @Test
    void aTrainingRunGetsEveryPlotAndOneSelfContainedPage(@TempDir Path dir) throws IOException {
        List<String> files = TrainingReport.write(new LocalRunFiles(trainingRun(dir, true)));
        List<String> plots = List.of("loss", "accuracy", "spikes-per-neuron", "throughput", "confusion", "first-spike-steps", "raster");
        assertEquals(plots.size() + 1, files.size(), files.toString());
        for (String p : plots) {
            assertTrue(files.contains("plots/" + p + ".png"), p);
            PngChecks.drawn(Files.readAllBytes(dir.resolve("plots/" + p + ".png")), 500, 400, 0.02, p);
        }
        PngChecks.drawn(Files.readAllBytes(dir.resolve("plots/raster.png")), 4 * 300, 2 * 250, 0.02, "4 samples x 2 layers");
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        assertEquals(plots.size(), html.split("src=\"data:image/png;base64,", -1).length - 1, "every plot embedded");
        for (String text : List.of("finished, 3 epochs", "90.00%", "/data/toy", "wall_seconds", "9.5", "model.layers", "FC20-FC3",
                "<td>0.5000</td>"))
            assertTrue(html.contains(text), "report lacks " + text);
    }

    @Test
    void aRunWithoutSummaryIsReportedAsUnfinishedAndBadFilesAreNamed(@TempDir Path dir) throws IOException {
        TrainingReport.write(new LocalRunFiles(trainingRun(dir, false)));
        assertTrue(Files.readString(dir.resolve("report.html")).contains("running, stopped or failed after epoch 3"));

        Files.writeString(dir.resolve("metrics.jsonl"), Files.readString(dir.resolve("metrics.jsonl")) + "{\"epoch\": 4, oops\n");
        IOException bad = assertThrows(IOException.class, () -> TrainingReport.write(new LocalRunFiles(dir)));
        assertTrue(bad.getMessage().startsWith(dir + "/metrics.jsonl:5: malformed JSON"), bad.getMessage());

        Path empty = Files.createDirectories(dir.resolve("empty"));
        IOException none = assertThrows(IOException.class, () -> TrainingReport.write(new LocalRunFiles(empty)));
        assertTrue(none.getMessage().contains(empty + ": no metrics.jsonl"), none.getMessage());
    }

    @Test
    void aSweepGetsCurvesScatterTableAndTheBestModelsPlots(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("trials.jsonl"), String.join("\n",
                trial("a1", "0.01", "done", 3, 0.86, "[0.8,0.84,0.86]", null),
                trial("b2", "0.1", "stopped", 1, 0.7, "[0.7]", null),
                trial("c3", "-1", "invalid", 0, Double.NaN, "[]", "train.lr must be positive")) + "\n");
        Files.writeString(dir.resolve("best-eval.json"), "{\"trial\":\"a1\",\"time_steps\":8,\"test_accuracy\":0.86,\"confusion\":"
                + CONFUSION + ",\"first_spike_steps\":[0,5,3]}\n");
        List<String> files = SweepReport.write(new LocalRunFiles(dir));
        for (String p : List.of("sweep-curves", "sweep-accuracy-vs-spikes", "confusion", "first-spike-steps"))
            PngChecks.drawn(Files.readAllBytes(dir.resolve("plots/" + p + ".png")), 500, 400, 0.02, p);
        assertFalse(files.contains("plots/raster.png"), "no raster.json, no raster");
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.indexOf("<td>a1</td>") < html.indexOf("<td>b2</td>") && html.indexOf("<td>b2</td>") < html.indexOf("<td>c3</td>"),
                "table in the console order: done, stopped, invalid");
        assertTrue(html.contains("train.lr must be positive") && html.contains("no summary.json"));
    }

    private static String trial(String id, String lr, String status, int epochs, double acc, String curve, String reason) {
        String a = Double.isNaN(acc) ? "null" : Double.toString(acc);
        return "{\"trial\":\"" + id + "\",\"params\":{\"train.lr\":\"" + lr + "\"},\"status\":\"" + status + "\",\"reason\":"
                + (reason == null ? "null" : "\"" + reason + "\"") + ",\"epochs\":" + epochs + ",\"test_accuracy\":" + a
                + ",\"spikes_per_neuron\":" + (Double.isNaN(acc) ? "null" : "0.4") + ",\"mean_first_spike_step\":null,\"seconds\":3.0,\"curve\":"
                + curve + "}";
    }
}
