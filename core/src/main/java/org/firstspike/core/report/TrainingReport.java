package org.firstspike.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.firstspike.core.config.PropertiesFile;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;

/**
 * The report of a training run directory (train-local, train, demo): plots of loss, accuracy, spikes per neuron per
 * layer and throughput per epoch, the confusion matrix, the first-output-spike histogram and a spike raster, and
 * report.html with the config, data, results and timing. Drawn only from the run's files, so it can be redrawn any
 * time (`firstspike report RUN_DIR`), also for a run that is still going or was stopped.
 */
public final class TrainingReport {
    static final String METRICS = "metrics.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingReport() {}

    /** Writes the plots and report.html into the run; returns the files written. */
    public static List<String> write(RunFiles run) throws IOException {
        String metricsText = run.readText(METRICS);
        if (metricsText == null)
            throw new IOException(run.location() + ": no " + METRICS + " (not a training run directory, or no epoch finished yet)");
        List<JsonNode> epochs = new ArrayList<>();
        String[] lines = metricsText.split("\n");
        for (int i = 0; i < lines.length; i++)
            if (!lines[i].isBlank()) epochs.add(json(lines[i], run.location() + "/" + METRICS + ":" + (i + 1)));
        String configText = run.readText("config.properties");
        SortedMap<String, String> config = configText == null ? new java.util.TreeMap<>()
                : PropertiesFile.parse(configText, run.location() + "/config.properties");
        JsonNode summary = optionalJson(run, "summary.json");
        JsonNode eval = optionalJson(run, "eval.json");

        HtmlReport html = new HtmlReport("FirstSpike run " + run.location());
        ReportPlots plots = new ReportPlots(run, html);
        html.heading("Results");
        html.keyValues(results(epochs, summary, eval));
        html.heading("Training curves");
        plots.add("loss", PngImages.of(LineCharts.of("Loss", "epoch", "cross-entropy", pair(
                "train", series(epochs, "train_loss", 1), "test", series(epochs, "test_loss", 1)), true), 760, 420),
                "Training loss (mean over the epoch) and test loss after each epoch");
        plots.add("accuracy", PngImages.of(LineCharts.of("Accuracy", "epoch", "%", pair(
                "train", series(epochs, "train_accuracy", 100), "test", series(epochs, "test_accuracy", 100)), true), 760, 420),
                "Training accuracy (during the epoch) and test accuracy after each epoch (epoch 0: at initialization)");
        plots.add("spikes-per-neuron", PngImages.of(LineCharts.of("Spikes per neuron", "epoch", "spikes per neuron per sample",
                layerSeries(epochs), true), 760, 420), "Test-set spikes per neuron and sample, per spiking layer (at most 1)");
        JFreeChart throughput = LineCharts.of("Training throughput", "epoch", "samples/s",
                Map.of("samples/s", series(epochs, "train_samples_per_s", 1)), true);
        ((NumberAxis) throughput.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(true);  // a speed reads against zero
        plots.add("throughput", PngImages.of(throughput, 760, 420), "Training samples per second per epoch");

        html.heading("The trained model on test data");
        boolean evalCounts = eval != null && eval.has("confusion");
        int timeSteps = Integer.parseInt(config.getOrDefault("model.timeSteps", "0"));
        ModelInspection.add(plots, html, evalCounts ? eval : epochs.get(epochs.size() - 1),
                evalCounts ? "inference model, eval.json" : "test split after epoch " + epochs.get(epochs.size() - 1).path("epoch").asInt(),
                run.readText("raster.json"), run.location() + "/raster.json", timeSteps);

        html.heading("Per epoch");
        html.table(List.of("epoch", "train loss", "train acc", "test loss", "test acc", "spikes/neuron", "first spike step",
                "seconds", "samples/s", "learning rate"), epochRows(epochs));
        html.heading("Data");
        html.keyValues(data(summary, eval));
        html.heading("Timing");
        html.keyValues(timing(summary));
        html.heading("Config");
        html.keyValues(config);
        return plots.finish();
    }

    static JsonNode json(String text, String where) throws IOException {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(where + ": malformed JSON: " + e.getOriginalMessage());
        }
    }

    static JsonNode optionalJson(RunFiles run, String name) throws IOException {
        String text = run.readText(name);
        return text == null || text.isBlank() ? null : json(text, run.location() + "/" + name);
    }

    private static double[][] series(List<JsonNode> epochs, String key, double scale) {
        double[][] points = new double[epochs.size()][];
        for (int i = 0; i < points.length; i++) {
            JsonNode v = epochs.get(i).get(key);
            points[i] = new double[] {epochs.get(i).path("epoch").asInt(), v == null || v.isNull() ? Double.NaN : scale * v.asDouble()};
        }
        return points;
    }

    /** Two series in this order (the first gets the first colour). */
    private static Map<String, double[][]> pair(String a, double[][] pa, String b, double[][] pb) {
        Map<String, double[][]> m = new LinkedHashMap<>();
        m.put(a, pa);
        m.put(b, pb);
        return m;
    }

    private static Map<String, double[][]> layerSeries(List<JsonNode> epochs) {
        int layers = epochs.get(0).path("spikes_per_neuron_by_layer").size();
        Map<String, double[][]> m = new LinkedHashMap<>();
        for (int l = 0; l < layers; l++) {
            double[][] points = new double[epochs.size()][];
            for (int i = 0; i < points.length; i++)
                points[i] = new double[] {epochs.get(i).path("epoch").asInt(),
                        epochs.get(i).path("spikes_per_neuron_by_layer").path(l).asDouble(Double.NaN)};
            m.put("layer " + (l + 1) + (l == layers - 1 && layers > 1 ? " (output)" : ""), points);
        }
        m.put("all neurons", series(epochs, "spikes_per_neuron", 1));
        return m;
    }

    private static Map<String, String> results(List<JsonNode> epochs, JsonNode summary, JsonNode eval) {
        JsonNode last = epochs.get(epochs.size() - 1);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("status", summary == null ? "no summary.json: running, stopped or failed after epoch " + last.path("epoch").asInt()
                : "finished, " + summary.path("epochs").asInt() + " epochs");
        m.put("test accuracy (last epoch)", Cells.percent(last.get("test_accuracy")));
        if (summary != null) m.put("best test accuracy", Cells.percent(summary.get("best_test_accuracy")));
        if (eval != null) m.put("inference model accuracy (eval.json)", Cells.percent(eval.get("accuracy")) + " on " + eval.path("samples").asInt() + " samples");
        m.put("spikes per neuron", Cells.number(last.get("spikes_per_neuron"), "%.4f") + " (by layer " + Cells.text(last.get("spikes_per_neuron_by_layer")) + ")");
        m.put("mean first output spike step", Cells.number(last.get("mean_first_spike_step"), "%.3f"));
        if (summary != null && summary.has("latency")) m.put("B1 windows / readout time (tau_c)", Cells.text(summary.get("windows")) + " / " + Cells.text(summary.get("latency")));
        return m;
    }

    private static List<List<String>> epochRows(List<JsonNode> epochs) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode e : epochs)
            rows.add(List.of(Cells.text(e.get("epoch")), Cells.number(e.get("train_loss"), "%.4f"), Cells.percent(e.get("train_accuracy")),
                    Cells.number(e.get("test_loss"), "%.4f"), Cells.percent(e.get("test_accuracy")), Cells.number(e.get("spikes_per_neuron"), "%.4f"),
                    Cells.number(e.get("mean_first_spike_step"), "%.3f"), Cells.number(e.get("epoch_seconds"), "%.1f"),
                    Cells.number(e.get("train_samples_per_s"), "%,.0f"), Cells.number(e.get("learning_rate"), "%.3g")));
        return rows;
    }

    private static Map<String, String> data(JsonNode summary, JsonNode eval) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String key : List.of("data", "train_samples", "test_samples"))
            if (summary != null && summary.has(key)) m.put(key, Cells.text(summary.get(key)));
        if (eval != null) m.put("evaluated on", Cells.text(eval.get("data")) + " (" + eval.path("samples").asInt() + " samples)");
        if (m.isEmpty()) m.put("data", "not recorded by this run");
        return m;
    }

    /** Every scalar of summary.json that is not a result: wall time, throughput, workers, round timing. */
    private static Map<String, String> timing(JsonNode summary) {
        Map<String, String> m = new LinkedHashMap<>();
        if (summary == null) {
            m.put("timing", "no summary.json yet");
            return m;
        }
        List<String> shown = List.of("test_accuracy", "test_loss", "spikes_per_neuron", "spikes_per_neuron_by_layer",
                "mean_first_spike_step", "best_test_accuracy", "data", "train_samples", "test_samples", "windows", "latency",
                "confusion", "first_spike_steps");
        for (Iterator<Map.Entry<String, JsonNode>> it = summary.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!shown.contains(e.getKey())) m.put(e.getKey(), Cells.text(e.getValue()));
        }
        return m;
    }
}
