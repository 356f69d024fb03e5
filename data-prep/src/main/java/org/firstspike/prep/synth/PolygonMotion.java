package org.firstspike.prep.synth;

/**
 * Movement along a closed polygon, one stroke per edge with a minimum-jerk profile (Flash & Hogan 1985): at rest at
 * each vertex, fastest mid-stroke, as a pan-tilt unit or a smoothly driven image moves. N-MNIST's three saccades are
 * one lap of a triangle; CIFAR10-DVS's repeated closed-loop movement is several laps of a small loop.
 */
public final class PolygonMotion {
    private final double[] xs;
    private final double[] ys;
    private final long strokeUs;

    /** {@code vertices} as {x0, y0, x1, y1, ...}; the last stroke returns to the first vertex. */
    public PolygonMotion(double[] vertices, long strokeUs) {
        if (vertices.length < 4 || vertices.length % 2 != 0) throw new IllegalArgumentException("a polygon needs at least two (x, y) vertices");
        if (strokeUs <= 0) throw new IllegalArgumentException("stroke duration " + strokeUs + " µs: expected > 0");
        xs = new double[vertices.length / 2];
        ys = new double[vertices.length / 2];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = vertices[2 * k];
            ys[k] = vertices[2 * k + 1];
        }
        this.strokeUs = strokeUs;
    }

    public int strokesPerLap() {
        return xs.length;
    }

    /** Position at {@code timeUs} into {@code xy}; laps repeat. */
    public void at(long timeUs, double[] xy) {
        long stroke = timeUs / strokeUs;
        int from = (int) (stroke % xs.length);
        int to = (from + 1) % xs.length;
        double u = (double) (timeUs - stroke * strokeUs) / strokeUs;
        double s = u * u * u * (10 - 15 * u + 6 * u * u);
        xy[0] = xs[from] + s * (xs[to] - xs[from]);
        xy[1] = ys[from] + s * (ys[to] - ys[from]);
    }
}
