package org.firstspike.prep.synth;

/**
 * A rectangle of pixels [x0, x1) x [y0, y1), grown by bounding boxes. Scenes use it to tell the
 * {@link EventCameraModel} which pixels may have changed in a step, so a small moving object on a 128x128 sensor costs
 * its own area and not the whole frame.
 */
public final class PixelRegion {
    private int x0, y0, x1, y1;

    public PixelRegion() {
        clear();
    }

    public static PixelRegion of(int x0, int y0, int x1, int y1) {
        PixelRegion r = new PixelRegion();
        r.x0 = x0;
        r.y0 = y0;
        r.x1 = x1;
        r.y1 = y1;
        return r;
    }

    public void clear() {
        x0 = y0 = Integer.MAX_VALUE;
        x1 = y1 = Integer.MIN_VALUE;
    }

    public boolean isEmpty() {
        return x0 >= x1 || y0 >= y1;
    }

    /** Grows the region to cover the pixels touched by the box [minX, maxX] x [minY, maxY] (continuous coordinates). */
    public void include(double minX, double minY, double maxX, double maxY) {
        x0 = Math.min(x0, (int) Math.floor(minX));
        y0 = Math.min(y0, (int) Math.floor(minY));
        x1 = Math.max(x1, (int) Math.ceil(maxX) + 1);
        y1 = Math.max(y1, (int) Math.ceil(maxY) + 1);
    }

    public void include(PixelRegion other) {
        if (other.isEmpty()) return;
        x0 = Math.min(x0, other.x0);
        y0 = Math.min(y0, other.y0);
        x1 = Math.max(x1, other.x1);
        y1 = Math.max(y1, other.y1);
    }

    public void clip(int width, int height) {
        x0 = Math.max(x0, 0);
        y0 = Math.max(y0, 0);
        x1 = Math.min(x1, width);
        y1 = Math.min(y1, height);
    }

    public void set(PixelRegion other) {
        x0 = other.x0;
        y0 = other.y0;
        x1 = other.x1;
        y1 = other.y1;
    }

    public int x0() { return x0; }

    public int y0() { return y0; }

    public int x1() { return x1; }

    public int y1() { return y1; }
}
