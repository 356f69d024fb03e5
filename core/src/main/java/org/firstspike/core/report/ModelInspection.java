package org.firstspike.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * The report section about one trained model on test data: confusion matrix, first-output-spike steps and the
 * spike raster, each drawn when the run recorded it.
 */
final class ModelInspection {
    private ModelInspection() {}

    /**
     * {@code counts}: a JSON object with "confusion" and "first_spike_steps" (an epoch of metrics.jsonl, eval.json or
     * best-eval.json); {@code rasterJson}: raster.json's text; either may be null.
     */
    static void add(ReportPlots plots, HtmlReport html, JsonNode counts, String countsSource, String rasterJson,
                    String rasterWhere, int timeSteps) throws IOException {
        if (counts != null && counts.has("confusion") && counts.get("confusion").size() > 0) {
            JsonNode c = counts.get("confusion");
            long[][] confusion = new long[c.size()][c.size()];
            for (int i = 0; i < c.size(); i++)
                for (int j = 0; j < c.size(); j++) confusion[i][j] = c.get(i).get(j).asLong();
            plots.add("confusion", PngImages.of(ConfusionChart.of(confusion, "Confusion matrix (" + countsSource + ")"), 620, 560),
                    "Confusion matrix, rows: true class, columns: predicted; colour: share of the true class");
        }
        if (counts != null && counts.has("first_spike_steps") && counts.get("first_spike_steps").size() > 0) {
            JsonNode h = counts.get("first_spike_steps");
            long[] steps = new long[h.size()];
            for (int i = 0; i < steps.length; i++) steps[i] = h.get(i).asLong();
            plots.add("first-spike-steps", PngImages.of(StepHistogramChart.of(steps, timeSteps), 760, 420),
                    "Step of the first output spike per test sample (" + countsSource + ")");
        } else if (counts != null) {
            html.paragraph("No first-output-spike histogram: this network family reads output potentials, its output neurons do not spike.");
        }
        if (rasterJson == null) return;
        SpikeRaster raster = SpikeRaster.fromJson(rasterJson, rasterWhere);
        if (raster.layers().isEmpty()) {
            html.paragraph("No spike raster: this network has no spiking layers (ReLU twin).");
            return;
        }
        plots.add("raster", RasterChart.png(raster), "Spike raster of the first " + raster.samples()
                + " test samples, one row of panels per layer (each neuron fires at most once)");
    }
}
