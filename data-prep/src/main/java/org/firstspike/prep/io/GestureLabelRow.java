package org.firstspike.prep.io;

import java.util.Objects;
import org.firstspike.prep.event.GestureSegment;

/**
 * One row of a DVS128 Gesture labels CSV: the labelled segment and where it was read, so later checks (a segment
 * outside its recording) can point into the file.
 *
 * @param segment the gesture and its half-open time range
 * @param line    1-based line of the labels CSV
 * @param offset  byte offset of that line
 */
public record GestureLabelRow(GestureSegment segment, int line, int offset) {

    public GestureLabelRow {
        Objects.requireNonNull(segment, "segment");
        if (line < 1 || offset < 0)
            throw new IllegalArgumentException("label row at line " + line + ", offset " + offset + "; expected line >= 1, offset >= 0");
    }

    /** Class index 0..10, the CSV's 1-based class minus 1. */
    public int label() {
        return segment.gesture().ordinal();
    }
}
