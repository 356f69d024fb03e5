package org.firstspike.prep.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.firstspike.prep.event.Events;
import org.junit.jupiter.api.Test;

class SaccadeRecordingTest {
    /** A bright ring on black, like a digit zero. */
    static GreyImage ring() {
        float[] v = new float[28 * 28];
        for (int y = 0; y < 28; y++)
            for (int x = 0; x < 28; x++) {
                double r = Math.hypot(x - 13.5, y - 13.5);
                v[y * 28 + x] = r > 6 && r < 10 ? 1f : 0f;
            }
        return new GreyImage(28, 28, v);
    }

    @Test
    void threeSaccadesGiveOrderedEventsInsideTheSensorInNmnistRange() {
        Events e = SaccadeRecording.record(ring(), SaccadeRecording.Settings.defaults(), 1, 2);
        assertTrue(e.size() > 1_000 && e.size() < 20_000, e.size() + " events");
        int[] perSaccade = new int[3];
        for (int i = 0; i < e.size(); i++) {
            assertTrue(SaccadeRecording.SENSOR.contains(e.x(i), e.y(i)));
            assertTrue(i == 0 || e.t(i) >= e.t(i - 1));
            assertTrue(e.t(i) > 0 && e.t(i) <= 300_000);
            perSaccade[(int) Math.min(2, (e.t(i) - 1) / 100_000)]++;
        }
        for (int s : perSaccade) assertTrue(s > e.size() / 6, "every saccade makes events: " + java.util.Arrays.toString(perSaccade));
    }

    @Test
    void reproducibleFromItsSeeds() {
        Events a = SaccadeRecording.record(ring(), SaccadeRecording.Settings.defaults(), 3, 4);
        Events b = SaccadeRecording.record(ring(), SaccadeRecording.Settings.defaults(), 3, 4);
        assertArrayEquals(java.util.Arrays.copyOf(a.times(), a.size()), java.util.Arrays.copyOf(b.times(), b.size()));
        assertArrayEquals(java.util.Arrays.copyOf(a.xs(), a.size()), java.util.Arrays.copyOf(b.xs(), b.size()));
    }
}
