package org.firstspike.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firstspike.core.sweep.ResultsTable;
import org.firstspike.core.sweep.TrialResult;
import org.firstspike.core.sweep.TrialStatus;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report of a sweep directory: test accuracy per epoch of every trial (successive halving shows as curves that
 * end early), accuracy against spikes per neuron, the trials table, and the best model's confusion matrix,
 * first-output-spike histogram and spike raster (best-eval.json, raster.json).
 */
public final class SweepReport {
    static final String TRIALS = "trials.jsonl";
    private static final int LEGEND_LIMIT = 12;

    private SweepReport() {}

    public static List<String> write(RunFiles run) throws IOException {
        String text = run.readText(TRIALS);
        if (text == null) throw new IOException(run.location() + ": no " + TRIALS + " (not a sweep directory)");
        List<TrialResult> trials = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++)
            if (!lines[i].isBlank()) trials.add(TrialResult.fromJson(lines[i], run.location() + "/" + TRIALS + ":" + (i + 1)));
        trials.sort(ResultsTable.ORDER);
        JsonNode summary = TrainingReport.optionalJson(run, "summary.json");
        JsonNode bestEval = TrainingReport.optionalJson(run, "best-eval.json");

        HtmlReport html = new HtmlReport("FirstSpike sweep " + run.location());
        ReportPlots plots = new ReportPlots(run, html);
        html.heading("Summary");
        Map<String, String> s = new LinkedHashMap<>();
        if (summary == null) s.put("status", "no summary.json: running, stopped or failed");
        else summary.fields().forEachRemaining(e -> s.put(e.getKey(), Cells.text(e.getValue())));
        html.keyValues(s);
        html.heading("Trials");
        plots.add("sweep-curves", PngImages.of(curves(trials), 900, 500),
                "Test accuracy after each epoch, per trial (trials stopped by successive halving end early)");
        JFreeChart scatter = scatter(trials);
        if (scatter != null)
            plots.add("sweep-accuracy-vs-spikes", PngImages.of(scatter, 760, 460), "Test accuracy against spikes per neuron, per trial (grey: stopped by successive halving)");
        List<List<String>> rows = new ArrayList<>();
        for (TrialResult r : trials)
            rows.add(List.of(r.id(), ResultsTable.params(r), r.status().label(), Integer.toString(r.epochs()), Cells.percent(r.accuracy()),
                    Cells.number(r.spikesPerNeuron(), "%.3f"), Cells.number(r.firstSpikeStep(), "%.2f"), Cells.number(r.seconds(), "%.1f"),
                    r.reason() == null ? "" : r.reason()));
        html.table(List.of("trial", "parameters", "status", "epochs", "test acc", "spikes/neuron", "first spike step", "seconds", "reason"), rows);

        html.heading("Best model on test data");
        if (bestEval == null) html.paragraph("No best-eval.json: the best model was not evaluated by this sweep run.");
        int timeSteps = bestEval == null ? 0 : bestEval.path("time_steps").asInt(0);
        ModelInspection.add(plots, html, bestEval, "best model, best-eval.json", run.readText("raster.json"),
                run.location() + "/raster.json", timeSteps);
        return plots.finish();
    }

    private static JFreeChart curves(List<TrialResult> trials) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (TrialResult r : trials) {
            if (r.curve().isEmpty()) continue;
            XYSeries s = new XYSeries(r.id(), false, true);
            for (int e = 0; e < r.curve().size(); e++) s.add(e + 1, 100 * r.curve().get(e));
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Sweep: test accuracy per epoch", "epoch", "test accuracy %", data,
                PlotOrientation.VERTICAL, data.getSeriesCount() <= LEGEND_LIMIT, false, false);
        XYPlot plot = chart.getXYPlot();
        LineCharts.style(plot);
        plot.getDomainAxis().setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int i = 0; i < data.getSeriesCount(); i++) r.setSeriesShapesVisible(i, true);
        return chart;
    }

    private static JFreeChart scatter(List<TrialResult> trials) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (TrialStatus status : List.of(TrialStatus.DONE, TrialStatus.STOPPED)) {
            XYSeries s = new XYSeries(status == TrialStatus.DONE ? "finished" : "stopped early", false, true);
            for (TrialResult r : trials)
                if (r.status() == status && Double.isFinite(r.spikesPerNeuron())) s.add(r.spikesPerNeuron(), 100 * r.accuracy());
            if (!s.isEmpty()) data.addSeries(s);
        }
        if (data.getSeriesCount() == 0) return null;
        JFreeChart chart = ChartFactory.createScatterPlot("Accuracy against spikes per neuron", "spikes per neuron",
                "test accuracy % (after the trial's last epoch)", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LineCharts.style(plot);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            plot.getRenderer().setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
            plot.getRenderer().setSeriesPaint(i, i == 0 ? new Color(0x4C72B0) : new Color(0xBBBBBB));
        }
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        ((org.jfree.chart.axis.NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }
}
