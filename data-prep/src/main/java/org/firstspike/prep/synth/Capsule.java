package org.firstspike.prep.synth;

/**
 * A limb segment as the camera sees it: the set of points within {@code radius} of the segment a-b, drawn with a
 * one-pixel anti-aliased edge (so sub-pixel motion changes intensities smoothly), rounded shading towards its rim and
 * sleeve stripes across its axis that move with it. A hand is a capsule whose ends coincide.
 */
final class Capsule {
    private static final double RIM_DARKENING = 0.3;
    /** One stripe period of the sleeve pattern, tabulated: the pattern is only seen through 1-pixel samples. */
    private static final int STRIPE_TABLE = 64;
    private static final double[] STRIPES = new double[STRIPE_TABLE];

    static {
        for (int k = 0; k < STRIPE_TABLE; k++) STRIPES[k] = Math.sin(2 * Math.PI * k / STRIPE_TABLE);
    }

    private final double radius;
    private final double value;
    private final double stripeAmplitude;
    private final double stripePeriod;
    private double ax, ay, bx, by;

    Capsule(double radius, double value, double stripeAmplitude, double stripePeriod) {
        this.radius = radius;
        this.value = value;
        this.stripeAmplitude = stripeAmplitude;
        this.stripePeriod = stripePeriod;
    }

    void place(double ax, double ay, double bx, double by) {
        this.ax = ax;
        this.ay = ay;
        this.bx = bx;
        this.by = by;
    }

    void addBounds(PixelRegion r) {
        double m = radius + 1;
        r.include(Math.min(ax, bx) - m, Math.min(ay, by) - m, Math.max(ax, bx) + m, Math.max(ay, by) + m);
    }

    /** Composites the capsule over {@code frame} inside {@code clip}. */
    void draw(float[] frame, int width, PixelRegion clip) {
        double m = radius + 1;
        int x0 = Math.max(clip.x0(), (int) Math.floor(Math.min(ax, bx) - m));
        int x1 = Math.min(clip.x1(), (int) Math.ceil(Math.max(ax, bx) + m));
        int y0 = Math.max(clip.y0(), (int) Math.floor(Math.min(ay, by) - m));
        int y1 = Math.min(clip.y1(), (int) Math.ceil(Math.max(ay, by) + m));
        double ux = bx - ax, uy = by - ay;
        double length2 = ux * ux + uy * uy;
        double inverseLength2 = length2 == 0 ? 0 : 1 / length2;
        double length = Math.sqrt(length2);
        double stripesPerUnit = length / stripePeriod * STRIPE_TABLE;
        double outer2 = (radius + 0.5) * (radius + 0.5);
        double inverseRadius = 1 / radius;
        for (int y = y0; y < y1; y++) {
            double py = y + 0.5 - ay;
            for (int x = x0; x < x1; x++) {
                double px = x + 0.5 - ax;
                double along = Math.max(0, Math.min(1, (px * ux + py * uy) * inverseLength2));
                double dx = px - along * ux, dy = py - along * uy;
                double d2 = dx * dx + dy * dy;
                if (d2 >= outer2) continue;
                double d = Math.sqrt(d2);
                double coverage = Math.min(1, radius + 0.5 - d);
                double rim = Math.min(1, d * inverseRadius);
                double stripe = STRIPES[(int) (along * stripesPerUnit) & (STRIPE_TABLE - 1)];
                double shade = value * (1 - RIM_DARKENING * rim * rim) * (1 + stripeAmplitude * stripe);
                int i = y * width + x;
                frame[i] += (float) (coverage * (shade - frame[i]));
            }
        }
    }
}
