package org.firstspike.prep.transform;

import org.firstspike.prep.event.EventBuffer;
import org.firstspike.prep.event.Events;

/**
 * Tonic's {@code Denoise(filter_time)}: an event is kept iff one of its 4 neighbours (left, right, up, down; not
 * itself, not diagonals) fired within the last {@code filterTimeUs}. Reproduces Tonic exactly, including its two
 * quirks: the pixel memory starts at {@code filterTimeUs} (so every event before that time passes) and the grid
 * is sized by the largest x and y in the sample, not by the sensor.
 */
public record Denoise(long filterTimeUs) implements java.io.Serializable {

    public Denoise {
        if (filterTimeUs <= 0) throw new IllegalArgumentException("denoise filter time " + filterTimeUs + " us: expected > 0");
    }

    public Events apply(Events ev) {
        int n = ev.size();
        if (n == 0) return ev;
        short[] xs = ev.xs();
        short[] ys = ev.ys();
        long[] ts = ev.times();
        int w = 0, h = 0;
        for (int i = 0; i < n; i++) {
            w = Math.max(w, xs[i] + 1);
            h = Math.max(h, ys[i] + 1);
        }
        long[] memory = new long[w * h];
        java.util.Arrays.fill(memory, filterTimeUs);
        EventBuffer kept = new EventBuffer(n);
        for (int i = 0; i < n; i++) {
            int x = xs[i], y = ys[i];
            long t = ts[i];
            int at = y * w + x;
            memory[at] = t + filterTimeUs;
            if ((x > 0 && memory[at - 1] > t) || (x < w - 1 && memory[at + 1] > t)
                    || (y > 0 && memory[at - w] > t) || (y < h - 1 && memory[at + w] > t))
                kept.add(t, x, y, ev.p(i));
        }
        return kept.build();
    }
}
