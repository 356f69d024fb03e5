package org.firstspike.prep.synth;

import java.util.SplittableRandom;

/**
 * Smooth random texture: random values on a coarse grid, interpolated with a smoothstep; values in [-1, 1]. Gives
 * walls and clothes the uneven shading that makes a real scene produce events where a moving arm uncovers it.
 */
final class ValueNoise {
    private ValueNoise() {}

    static float[] field(int width, int height, double cell, SplittableRandom random) {
        int gw = (int) Math.ceil(width / cell) + 2, gh = (int) Math.ceil(height / cell) + 2;
        float[] grid = new float[gw * gh];
        for (int i = 0; i < grid.length; i++) grid[i] = (float) (2 * random.nextDouble() - 1);
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            double gy = y / cell;
            int iy = (int) gy;
            double fy = smooth(gy - iy);
            for (int x = 0; x < width; x++) {
                double gx = x / cell;
                int ix = (int) gx;
                double fx = smooth(gx - ix);
                double top = grid[iy * gw + ix] + fx * (grid[iy * gw + ix + 1] - grid[iy * gw + ix]);
                double bottom = grid[(iy + 1) * gw + ix] + fx * (grid[(iy + 1) * gw + ix + 1] - grid[(iy + 1) * gw + ix]);
                out[y * width + x] = (float) (top + fy * (bottom - top));
            }
        }
        return out;
    }

    private static double smooth(double u) {
        return u * u * (3 - 2 * u);
    }
}
