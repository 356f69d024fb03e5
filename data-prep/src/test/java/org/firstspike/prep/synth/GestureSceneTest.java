package org.firstspike.prep.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.firstspike.prep.event.Events;
import org.firstspike.prep.event.GestureClass;
import org.firstspike.prep.event.GestureSegment;
import org.junit.jupiter.api.Test;

class GestureSceneTest {
    /** Short gestures keep the test fast; everything else at its defaults. */
    private static final GestureRecording TRIAL = trial(1.2, 9);

    private static GestureRecording trial(double gestureSeconds, long trialSeed) {
        GestureScene.Settings s = GestureScene.Settings.defaults()
                .with(Knobs.parse(List.of("gesture.seconds=" + gestureSeconds, "gesture.pause=0.3")));
        return GestureScene.record(Person.random(new SplittableRandom(5), 1), Lighting.LAB, s, 1, trialSeed);
    }

    @Test
    void elevenGesturesOnceEachInOrderedSegmentsInsideTheRecording() {
        GestureRecording rec = TRIAL;
        Events e = rec.events();
        EnumSet<GestureClass> seen = EnumSet.noneOf(GestureClass.class);
        long previousEnd = 0;
        for (GestureSegment g : rec.segments()) {
            seen.add(g.gesture());
            assertTrue(g.startUs() >= previousEnd, "segments do not overlap");
            assertTrue(g.endUs() <= e.t(e.size() - 1), "segment ends inside the recording");
            previousEnd = g.endUs();
        }
        assertEquals(11, rec.segments().size());
        assertEquals(EnumSet.allOf(GestureClass.class), seen);
        for (int i = 0; i < e.size(); i++) {
            assertTrue(GestureScene.SENSOR.contains(e.x(i), e.y(i)));
            assertTrue(i == 0 || e.t(i) >= e.t(i - 1));
        }
    }

    @Test
    void gesturesMakeFarMoreEventsThanThePausesBetweenThem() {
        GestureRecording rec = TRIAL;
        long inside = 0, insideUs = 0;
        for (int k = 0; k < rec.segments().size(); k++) {
            GestureSegment g = rec.segments().get(k);
            assertTrue(rec.eventsIn(k) > 1_000, g.gesture() + ": " + rec.eventsIn(k) + " events");
            inside += rec.eventsIn(k);
            insideUs += g.endUs() - g.startUs();
        }
        Events e = rec.events();
        long outside = e.size() - inside, outsideUs = e.t(e.size() - 1) - insideUs;
        assertTrue((double) inside / insideUs > 10 * (double) outside / outsideUs, inside + " in gestures, " + outside + " in pauses");
    }

    @Test
    void reproducibleFromItsSeeds() {
        Events a = trial(0.4, 3).events(), b = trial(0.4, 3).events(), c = trial(0.4, 4).events();
        assertArrayEquals(Arrays.copyOf(a.times(), a.size()), Arrays.copyOf(b.times(), b.size()));
        assertArrayEquals(Arrays.copyOf(a.ys(), a.size()), Arrays.copyOf(b.ys(), b.size()));
        assertTrue(a.size() != c.size() || !Arrays.equals(Arrays.copyOf(a.times(), a.size()), Arrays.copyOf(c.times(), c.size())));
    }
}
