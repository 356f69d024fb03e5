package org.firstspike.core.layer;

/** Per-sample feature shape (channels, height, width); a flat vector is (n, 1, 1). */
public record Shape(int channels, int height, int width) {
    public Shape {
        if (channels < 1 || height < 1 || width < 1)
            throw new IllegalArgumentException("shape dimensions must be >= 1, got " + channels + "x" + height + "x" + width);
    }

    public static Shape flat(int n) { return new Shape(n, 1, 1); }

    public int size() { return channels * height * width; }

    public boolean isFlat() { return height == 1 && width == 1; }

    /** Parses "1x28x28" or "784". */
    public static Shape parse(String s) {
        String[] p = s.trim().split("x");
        try {
            if (p.length == 1) return flat(Integer.parseInt(p[0]));
            if (p.length == 3) return new Shape(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("shape '" + s + "': expected CxHxW (e.g. 1x28x28) or a single size");
    }

    @Override
    public String toString() { return channels + "x" + height + "x" + width; }
}
