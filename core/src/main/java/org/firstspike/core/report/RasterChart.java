package org.firstspike.core.report;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Spike rasters: one panel per layer and sample (neuron index against spike time), laid out layers x samples. */
public final class RasterChart {
    private static final int CELL_WIDTH = 320;
    private static final int CELL_HEIGHT = 260;

    private RasterChart() {}

    public static byte[] png(SpikeRaster raster) {
        List<JFreeChart> panels = new ArrayList<>();
        for (SpikeRaster.LayerSpikes layer : raster.layers())
            for (int b = 0; b < raster.samples(); b++) panels.add(panel(raster, layer, b));
        return PngImages.grid(panels, raster.samples(), CELL_WIDTH, CELL_HEIGHT);
    }

    private static JFreeChart panel(SpikeRaster raster, SpikeRaster.LayerSpikes layer, int b) {
        int[] neurons = layer.neuron().get(b);
        double[] times = layer.time().get(b);
        XYSeries s = new XYSeries("spikes", false, true);
        for (int i = 0; i < neurons.length; i++) s.add(times[i], neurons[i]);
        NumberAxis time = new NumberAxis(raster.timeUnit().equals("step") ? "time step" : "time (tau_c)");
        if (raster.timeUnit().equals("step")) {
            time.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            time.setRange(0.5, raster.timeEnd() + 0.5);
        } else {
            // B1 windows are ~10x the largest activation wide and spikes come late in them: show where they are
            time.setAutoRangeIncludesZero(false);
        }
        NumberAxis neuron = new NumberAxis("neuron");
        neuron.setRange(-0.5, layer.neurons() - 0.5);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        double size = layer.neurons() > 200 ? 2 : 4;
        r.setSeriesShape(0, new Rectangle2D.Double(-size / 2, -size / 2, size, size));
        r.setSeriesPaint(0, new Color(0x222222));
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), time, neuron, r);
        LineCharts.style(plot);
        String title = String.format("%s: %d/%d fired | sample %d: label %d, predicted %d", layer.name(), neurons.length,
                layer.neurons(), b, raster.labels()[b], raster.predictions()[b]);
        JFreeChart chart = new JFreeChart(title, new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 11), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
