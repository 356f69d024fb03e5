package org.firstspike.core.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/** Charts to PNG bytes, one chart per image or several drawn into a grid. Runs headless (no display needed). */
public final class PngImages {
    static {
        // must be set before AWT initializes: reports are drawn on servers and cluster drivers without a display
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private PngImages() {}

    public static byte[] of(JFreeChart chart, int width, int height) {
        chart.setBackgroundPaint(Color.WHITE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Charts drawn row by row into a grid of {@code columns} cells of {@code cellWidth} x {@code cellHeight} pixels. */
    public static byte[] grid(List<JFreeChart> charts, int columns, int cellWidth, int cellHeight) {
        int rows = (charts.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(columns * cellWidth, rows * cellHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).setBackgroundPaint(Color.WHITE);
            charts.get(i).draw(g, new Rectangle2D.Double((i % columns) * cellWidth, (i / columns) * cellHeight, cellWidth, cellHeight));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeBufferedImageAsPNG(out, image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
