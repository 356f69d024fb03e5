package org.firstspike.prep.layout;

import java.util.List;
import org.firstspike.core.io.MalformedInputException;

/**
 * What one input file yielded: its samples, the event records read from it (including records the reader
 * dropped for a documented reason, such as the AEDAT valid bit), and problems confined to one segment (a DVS128
 * Gesture label row), which the job fails on or rejects according to the bad-input policy.
 */
public record DecodedUnit(List<EventSample> samples, long recordsRead, long recordsDropped,
                          List<SegmentProblem> segmentProblems) {

    /** A label row that cannot become a sample; {@code row} is 1-based. */
    public record SegmentProblem(int row, MalformedInputException error) {}
}
