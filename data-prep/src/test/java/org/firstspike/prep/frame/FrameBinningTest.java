package org.firstspike.prep.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.firstspike.prep.event.EventBuffer;
import org.firstspike.prep.event.Events;
import org.firstspike.prep.event.SensorSize;
import org.junit.jupiter.api.Test;

/**
 * Frame counts of every binning mode against values worked out by hand; the 10-event stream and its expected
 * counts are the ones verified by running SpikingJelly's and Tonic's own slicing code (formats-and-anchors §4).
 */
class FrameBinningTest {
    private static final SensorSize ONE_PIXEL = new SensorSize(1, 1, 2);

    /** t = 0, 10, ..., 80, 100 at one pixel, all ON. */
    private static Events tenEvents() {
        return stream(new long[] {0, 10, 20, 30, 40, 50, 60, 70, 80, 100});
    }

    private static Events stream(long[] times) {
        EventBuffer b = new EventBuffer(times.length);
        for (long t : times) b.add(t, 0, 0, 1);
        return b.build();
    }

    private static int[] perFrame(Events ev, FrameBinning binning) {
        Frames f = FrameAccumulator.accumulate(ev, ONE_PIXEL, binning);
        assertEquals(f.total(), f.events(), "frames sum to the events binned");
        int[] sums = new int[f.frames()];
        for (int k = 0; k < f.frames(); k++) sums[k] = f.count(k, 0, 0, 0) + f.count(k, 1, 0, 0);
        return sums;
    }

    private static FrameBinning window(long us, long overlap, boolean incomplete) {
        return new FrameBinning(BinningMode.TONIC_TIME_WINDOW, 0, us, 0, overlap, incomplete, 2);
    }

    private static FrameBinning count(int events, int overlap, boolean incomplete) {
        return new FrameBinning(BinningMode.TONIC_EVENT_COUNT, 0, 0, events, overlap, incomplete, 2);
    }

    @Test
    void spikingJellyLastFrameAbsorbsTheRemainder() {
        assertArrayEquals(new int[] {3, 3, 4}, perFrame(tenEvents(), FrameBinning.fixed(BinningMode.SJ_NUMBER, 3)));
        assertArrayEquals(new int[] {4, 3, 3}, perFrame(tenEvents(), FrameBinning.fixed(BinningMode.SJ_TIME, 3)));
        assertArrayEquals(new int[] {2, 2, 2, 4}, perFrame(tenEvents(), FrameBinning.fixed(BinningMode.SJ_NUMBER, 4)));
    }

    @Test
    void spikingJellyTimeBinsMayBeEmptyWithoutCrashing() {
        // SpikingJelly raises IndexError on this stream; here dt = 25 gives two empty middle frames
        Events gap = stream(new long[] {0, 1, 2, 3, 97, 98, 99, 100});
        assertArrayEquals(new int[] {4, 0, 0, 4}, perFrame(gap, FrameBinning.fixed(BinningMode.SJ_TIME, 4)));
        // fewer events than frames: per-frame share is 0, the last frame takes all
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10},
                perFrame(tenEvents(), FrameBinning.fixed(BinningMode.SJ_NUMBER, 11)));
    }

    @Test
    void tonicBinsDropTheTail() {
        assertArrayEquals(new int[] {4, 3, 2}, perFrame(tenEvents(), FrameBinning.fixed(BinningMode.TONIC_TIME_BINS, 3)));
        assertArrayEquals(new int[] {3, 2, 3, 1}, perFrame(tenEvents(), FrameBinning.fixed(BinningMode.TONIC_TIME_BINS, 4)));
        assertArrayEquals(new int[] {3, 3, 3}, perFrame(tenEvents(), FrameBinning.fixed(BinningMode.TONIC_EVENT_BINS, 3)));
        assertArrayEquals(new int[] {2, 2, 2, 2}, perFrame(tenEvents(), FrameBinning.fixed(BinningMode.TONIC_EVENT_BINS, 4)));
    }

    @Test
    void tonicBinsWithOverlap() {
        // per bin int(10 // 3 * 1.5) = 4 events, stride int(4 * 0.5) = 2: [0,4) [2,6) [4,8)
        assertArrayEquals(new int[] {4, 4, 4}, perFrame(tenEvents(),
                new FrameBinning(BinningMode.TONIC_EVENT_BINS, 3, 0, 0, 0.5, false, 2)));
        // window (100 // 3) * 1.5 = 49.5 us, stride 24.75: [0,49.5) [24.75,74.25) [49.5,99)
        assertArrayEquals(new int[] {5, 5, 4}, perFrame(tenEvents(),
                new FrameBinning(BinningMode.TONIC_TIME_BINS, 3, 0, 0, 0.5, false, 2)));
    }

    @Test
    void tonicWindowsAndIncompleteTail() {
        assertArrayEquals(new int[] {3, 3, 3}, perFrame(tenEvents(), window(30, 0, false)));
        assertArrayEquals(new int[] {3, 3, 3, 1}, perFrame(tenEvents(), window(30, 0, true)));
        // 10 us overlap: stride 20, floor((100 - 30) / 20 + 1) = 4 windows [0,30) [20,50) [40,70) [60,90)
        assertArrayEquals(new int[] {3, 3, 3, 3}, perFrame(tenEvents(), window(30, 10, false)));
        assertArrayEquals(new int[] {4, 4}, perFrame(tenEvents(), count(4, 0, false)));
        assertArrayEquals(new int[] {4, 4, 2}, perFrame(tenEvents(), count(4, 0, true)));
        // overlap 2 events: stride 2, floor((10 - 4) / 2 + 1) = 4 windows
        assertArrayEquals(new int[] {4, 4, 4, 4}, perFrame(tenEvents(), count(4, 2, false)));
        // a window longer than the recording still yields one frame (Tonic: n_slices >= 1)
        assertArrayEquals(new int[] {10}, perFrame(tenEvents(), window(1000, 0, false)));
    }

    @Test
    void emptySamplesGiveEmptyFramesInEveryMode() {
        Events none = Events.empty();
        for (BinningMode m : new BinningMode[] {BinningMode.SJ_NUMBER, BinningMode.SJ_TIME,
                BinningMode.TONIC_EVENT_BINS, BinningMode.TONIC_TIME_BINS})
            assertArrayEquals(new int[] {0, 0, 0}, perFrame(none, FrameBinning.fixed(m, 3)), m.name());
        assertArrayEquals(new int[] {0}, perFrame(none, window(30, 0, true)));
        assertArrayEquals(new int[] {0}, perFrame(none, count(4, 0, true)));
    }

    @Test
    void pixelsAndPolaritiesLandInTheirChannels() {
        SensorSize sensor = new SensorSize(3, 2, 2);
        EventBuffer b = new EventBuffer(4);
        b.add(0, 2, 1, 1);   // ON at x=2, y=1
        b.add(5, 0, 0, 0);   // OFF at x=0, y=0
        b.add(6, 2, 1, 1);   // ON again at x=2, y=1 (same frame)
        b.add(20, 1, 0, 0);  // OFF at x=1, y=0, frame 1
        Events ev = b.build();
        Frames f = FrameAccumulator.accumulate(ev, sensor, FrameBinning.fixed(BinningMode.SJ_TIME, 2));
        assertArrayEquals(new int[] {2, 2, 2, 3}, f.shape());
        int[] expected = {
                // frame 0: OFF plane, ON plane (rows of 3)
                1, 0, 0, 0, 0, 0,   0, 0, 0, 0, 0, 2,
                // frame 1
                0, 1, 0, 0, 0, 0,   0, 0, 0, 0, 0, 0};
        assertArrayEquals(expected, f.counts());
        assertEquals(4, f.total());
        Frames merged = FrameAccumulator.accumulate(ev, sensor, FrameBinning.fixed(BinningMode.SJ_TIME, 2).withPolarities(1));
        assertArrayEquals(new int[] {1, 0, 0, 0, 0, 2, 0, 1, 0, 0, 0, 0}, merged.counts());
    }

    @Test
    void recipesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> FrameBinning.fixed(BinningMode.SJ_NUMBER, 0));
        assertThrows(IllegalArgumentException.class, () -> new FrameBinning(BinningMode.SJ_TIME, 4, 0, 0, 0.5, false, 2));
        assertThrows(IllegalArgumentException.class, () -> new FrameBinning(BinningMode.TONIC_TIME_BINS, 4, 0, 0, 1.0, false, 2));
        assertThrows(IllegalArgumentException.class, () -> window(30, 30, false));
        assertThrows(IllegalArgumentException.class, () -> count(0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> FrameBinning.fixed(BinningMode.SJ_TIME, 4).withPolarities(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BinningMode.of("tonic", "lines"));
        assertEquals("split-by 'lines' with convention tonic: expected number or time, time-window or event-count", e.getMessage());
        assertEquals(BinningMode.TONIC_EVENT_BINS, BinningMode.of("tonic", "number"));
        assertEquals(BinningMode.SJ_TIME, BinningMode.of("SpikingJelly", "time"));
    }
}
