package org.firstspike.core.report;

import java.awt.Color;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** Samples per first-output-spike step: how early a TTFS network decides (the last step also counts silent outputs). */
public final class StepHistogramChart {
    private StepHistogramChart() {}

    /** {@code counts[step]} for steps 1..T (index 0 unused); {@code timeSteps} fixes the axis to the whole window. */
    public static JFreeChart of(long[] counts, int timeSteps) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        long total = 0;
        for (long c : counts) total += c;
        for (int step = 1; step <= Math.max(timeSteps, counts.length - 1); step++) {
            long c = step < counts.length ? counts[step] : 0;
            data.addValue(total == 0 ? 0 : 100.0 * c / total, "samples", Integer.toString(step));
        }
        JFreeChart chart = ChartFactory.createBarChart("First output spike (" + total + " test samples)",
                "step (the last step includes samples with no output spike)", "% of samples", data,
                PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, new Color(0x4C72B0));
        return chart;
    }
}
