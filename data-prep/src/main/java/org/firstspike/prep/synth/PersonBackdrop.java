package org.firstspike.prep.synth;

import java.util.SplittableRandom;
import org.firstspike.prep.event.SensorSize;

/**
 * The static part of a gesture scene: a textured wall with a few furniture edges, and the person's torso, neck and
 * head in front of it. It never changes during a recording, so it makes events only where the moving arms cover or
 * uncover it, and its texture decides how many.
 */
final class PersonBackdrop {
    private PersonBackdrop() {}

    static float[] render(Person p, SensorSize sensor, double illumination, SplittableRandom r) {
        int w = sensor.width(), h = sensor.height();
        float[] coarse = ValueNoise.field(w, h, 18, r);
        float[] fine = ValueNoise.field(w, h, 3, r);
        float[] cloth = ValueNoise.field(w, h, 5, r);
        double[] edges = furniture(w, h, r);
        double s = p.scale();
        double torsoHalf = p.shoulderHalfWidth() + 3 * s, torsoTop = p.shoulderY() - 4 * s, corner = 7 * s;
        double headX = p.centerX(), headY = p.headY(), headRx = 0.85 * p.headRadius(), headRy = p.headRadius();
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double px = x + 0.5, py = y + 0.5;
                double v = p.wall() * (1 + 0.25 * coarse[i] + 0.06 * fine[i]) * shadeOfFurniture(edges, px, py);
                double dx = Math.abs(px - p.centerX()) - (torsoHalf - corner), dy = torsoTop + corner - py;
                boolean torso = py >= torsoTop && (dx <= 0 || dy <= 0 || dx * dx + dy * dy <= corner * corner)
                        && Math.abs(px - p.centerX()) <= torsoHalf;
                boolean neck = Math.abs(px - headX) <= 4 * s && py >= headY && py < torsoTop + 1;
                double ex = (px - headX) / headRx, ey = (py - headY) / headRy;
                boolean head = ex * ex + ey * ey <= 1;
                if (torso) v = p.shirt() * (1 + 0.15 * cloth[i] + 0.05 * fine[i]);
                if (neck || head) v = p.skin() * (1 - 0.15 * (ex * ex + ey * ey) + 0.04 * fine[i]);
                if (head && py < headY - 0.3 * headRy) v = p.hair() * (1 + 0.2 * fine[i]);
                out[i] = (float) (illumination * Math.max(0.01, v));
            }
        }
        return out;
    }

    /** Up to three axis-aligned rectangles (door frame, shelf, picture) as {x0, y0, x1, y1, factor}. */
    private static double[] furniture(int w, int h, SplittableRandom r) {
        int n = r.nextInt(4);
        double[] e = new double[5 * n];
        for (int k = 0; k < n; k++) {
            double x0 = r.nextDouble(0, w * 0.8), y0 = r.nextDouble(0, h * 0.7);
            e[5 * k] = x0;
            e[5 * k + 1] = y0;
            e[5 * k + 2] = x0 + r.nextDouble(8, w * 0.4);
            e[5 * k + 3] = y0 + r.nextDouble(8, h * 0.5);
            e[5 * k + 4] = r.nextDouble(0.6, 1.5);
        }
        return e;
    }

    private static double shadeOfFurniture(double[] e, double x, double y) {
        double f = 1;
        for (int k = 0; k < e.length; k += 5)
            if (x >= e[k] && x < e[k + 2] && y >= e[k + 1] && y < e[k + 3]) f *= e[k + 4];
        return f;
    }
}
