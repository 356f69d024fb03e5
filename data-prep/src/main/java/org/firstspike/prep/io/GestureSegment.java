package org.firstspike.prep.io;

/**
 * One labelled gesture of a DVS128 Gesture recording: the events with {@code startUs <= t < endUs}
 * (the half-open cut SpikingJelly uses) show gesture {@code label}.
 *
 * @param label   class index 0..10, i.e. the CSV's 1-based class minus 1
 * @param startUs first microsecond of the gesture, in the recording's clock
 * @param endUs   microsecond after the gesture, {@code > startUs}
 * @param line    1-based line of the labels CSV the segment came from
 * @param offset  byte offset of that line, so later checks can point into the CSV
 */
public record GestureSegment(int label, long startUs, long endUs, int line, int offset) {

    public GestureSegment {
        if (label < 0 || label > 10 || startUs < 0 || endUs <= startUs || line < 1 || offset < 0) {
            throw new IllegalArgumentException("gesture segment label=" + label + " [" + startUs + ", " + endUs
                    + ") line " + line + " offset " + offset + "; expected label 0..10, 0 <= start < end, line >= 1, offset >= 0");
        }
    }
}
