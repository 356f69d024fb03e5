package org.firstspike.core.layer;

/** Geometry of non-overlapping k x k pooling (stride k, no padding, trailing rows/columns dropped). */
record PoolWindows(Shape in, int k) {
    PoolWindows {
        if (k < 1 || in.height() < k || in.width() < k)
            throw new IllegalArgumentException("pool " + k + "x" + k + " does not fit input " + in);
    }

    Shape out() { return new Shape(in.channels(), in.height() / k, in.width() / k); }

    /** Index in the input image of tap (dy, dx) of output position (c, oy, ox). */
    int inputIndex(int c, int oy, int ox, int dy, int dx) {
        return (c * in.height() + oy * k + dy) * in.width() + ox * k + dx;
    }
}
