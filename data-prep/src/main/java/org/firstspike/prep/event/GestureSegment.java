package org.firstspike.prep.event;

/**
 * One labelled gesture inside a DVS128 Gesture recording: a row of a {@code userNN_<lighting>_labels.csv}.
 * Times are in the recording's event clock (microseconds); the sample is the events with
 * {@code startUs <= t < endUs} (SpikingJelly's cut).
 */
public record GestureSegment(GestureClass gesture, long startUs, long endUs) {
    public GestureSegment {
        if (gesture == null) throw new IllegalArgumentException("gesture segment without a class");
        if (startUs < 0 || endUs <= startUs)
            throw new IllegalArgumentException("gesture segment [" + startUs + ", " + endUs + ") µs: expected 0 <= start < end");
    }
}
