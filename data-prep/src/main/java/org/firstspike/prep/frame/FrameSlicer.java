package org.firstspike.prep.frame;

import org.firstspike.prep.event.Events;

/**
 * The event index range [start, end) of every frame, following SpikingJelly's and Tonic's slicing rules exactly
 * (formats-and-anchors §4.1-4.2; integer floor divisions as in their code). Windows are half-open in time and
 * found by binary search, so a sample of N events costs O(T log N) here and O(N) in {@link FrameAccumulator}.
 */
public final class FrameSlicer {
    private FrameSlicer() {}

    /** Frame ranges: {@code ranges[0][k]} is the first event of frame k, {@code ranges[1][k]} one past its last. */
    public static int[][] slice(Events ev, FrameBinning b) {
        int n = ev.size();
        return switch (b.mode()) {
            case SJ_NUMBER -> sjNumber(n, b.frames());
            case SJ_TIME -> sjTime(ev, b.frames());
            case TONIC_EVENT_BINS -> tonicEventBins(n, b.frames(), b.overlap());
            case TONIC_TIME_BINS -> tonicTimeBins(ev, b.frames(), b.overlap());
            case TONIC_TIME_WINDOW -> tonicTimeWindow(ev, b.windowUs(), (long) b.overlap(), b.includeIncomplete());
            case TONIC_EVENT_COUNT -> tonicEventCount(n, b.eventCount(), (int) b.overlap(), b.includeIncomplete());
        };
    }

    private static int[][] sjNumber(int n, int frames) {
        int[][] r = new int[2][frames];
        int per = n / frames;
        for (int k = 0; k < frames; k++) {
            r[0][k] = k * per;
            r[1][k] = k * per + per;
        }
        r[1][frames - 1] = n;  // the last frame absorbs the N mod T remainder
        return r;
    }

    private static int[][] sjTime(Events ev, int frames) {
        int[][] r = new int[2][frames];
        int n = ev.size();
        if (n == 0) return r;
        long t0 = ev.t(0);
        long dt = (ev.t(n - 1) - t0) / frames;
        for (int k = 0; k < frames; k++) {
            long lo = t0 + dt * k;
            r[0][k] = ev.lowerBound(lo);
            r[1][k] = ev.lowerBound(lo + dt);
        }
        r[1][frames - 1] = n;  // the last frame extends to the end, so t_last (and any remainder) is binned
        return r;
    }

    private static int[][] tonicEventBins(int n, int frames, double overlap) {
        int[][] r = new int[2][frames];
        int per = (int) ((n / frames) * (1 + overlap));
        int stride = (int) (per * (1 - overlap));
        for (int k = 0; k < frames; k++) {
            r[0][k] = Math.min(n, k * stride);
            r[1][k] = Math.min(n, k * stride + per);
        }
        return r;
    }

    private static int[][] tonicTimeBins(Events ev, int frames, double overlap) {
        int[][] r = new int[2][frames];
        int n = ev.size();
        if (n == 0) return r;
        long t0 = ev.t(0);
        double window = ((ev.t(n - 1) - t0) / frames) * (1 + overlap);
        double stride = window * (1 - overlap);
        for (int k = 0; k < frames; k++) {
            double lo = k * stride + t0;
            // searchsorted(left) on integer times: first t >= lo, i.e. first t >= ceil(lo)
            r[0][k] = ev.lowerBound((long) Math.ceil(lo));
            r[1][k] = ev.lowerBound((long) Math.ceil(lo + window));
        }
        return r;
    }

    private static int[][] tonicTimeWindow(Events ev, long window, long overlap, boolean includeIncomplete) {
        int n = ev.size();
        if (n == 0) return new int[2][1];
        long stride = window - overlap;
        long t0 = ev.t(0);
        double steps = (double) ((ev.t(n - 1) - t0) - window) / stride + 1;
        int count = Math.max(1, (int) (includeIncomplete ? Math.ceil(steps) : Math.floor(steps)));
        int[][] r = new int[2][count];
        for (int k = 0; k < count; k++) {
            long lo = t0 + k * stride;
            r[0][k] = ev.lowerBound(lo);
            r[1][k] = ev.lowerBound(lo + window);
        }
        return r;
    }

    private static int[][] tonicEventCount(int n, int eventCount, int overlap, boolean includeIncomplete) {
        if (n == 0) return new int[2][1];
        int c = Math.min(eventCount, n);
        int stride = c - overlap;
        if (stride <= 0) {
            // Tonic raises here; it happens when a sample has no more events than the overlap
            throw new IllegalArgumentException("event-count window of " + c + " events (sample has " + n
                    + ") with overlap " + overlap + " leaves no stride; lower the overlap");
        }
        double steps = (double) (n - c) / stride + 1;
        int count = Math.max(1, (int) (includeIncomplete ? Math.ceil(steps) : Math.floor(steps)));
        int[][] r = new int[2][count];
        for (int k = 0; k < count; k++) {
            r[0][k] = Math.min(n, k * stride);
            r[1][k] = Math.min(n, k * stride + c);
        }
        return r;
    }
}
