package org.firstspike.core.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;

/** The confusion matrix as a heat map of row-normalized rates, each cell labelled with its count. */
public final class ConfusionChart {
    private ConfusionChart() {}

    public static JFreeChart of(long[][] confusion, String title) {
        int k = confusion.length;
        double[] xs = new double[k * k], ys = new double[k * k], zs = new double[k * k];
        XYPlot plot = new XYPlot();
        for (int t = 0; t < k; t++) {
            long row = 0;
            for (long v : confusion[t]) row += v;
            for (int p = 0; p < k; p++) {
                int i = t * k + p;
                xs[i] = p;
                ys[i] = t;
                zs[i] = row == 0 ? 0 : (double) confusion[t][p] / row;
                XYTextAnnotation label = new XYTextAnnotation(Long.toString(confusion[t][p]), p, t);
                label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, k > 12 ? 8 : 11));
                label.setPaint(zs[i] > 0.5 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(label);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("rate", new double[][] {xs, ys, zs});
        NumberAxis predicted = new NumberAxis("predicted class");
        NumberAxis actual = new NumberAxis("true class");
        for (NumberAxis a : new NumberAxis[] {predicted, actual}) {
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            a.setRange(-0.5, k - 0.5);
            a.setLowerMargin(0);
            a.setUpperMargin(0);
        }
        actual.setInverted(true);  // class 0 at the top, as the matrix is printed
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(new BlueScale());
        plot.setDataset(data);
        plot.setDomainAxis(predicted);
        plot.setRangeAxis(actual);
        plot.setRenderer(r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    }

    /** White (rate 0) to dark blue (rate 1). */
    private static final class BlueScale implements PaintScale, java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override public double getLowerBound() { return 0; }

        @Override public double getUpperBound() { return 1; }

        @Override
        public Paint getPaint(double value) {
            double v = Math.max(0, Math.min(1, value));
            return new Color((int) (255 - 227 * v), (int) (255 - 180 * v), (int) (255 - 100 * v));
        }
    }
}
