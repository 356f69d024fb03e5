package org.firstspike.prep.layout;

import org.firstspike.prep.event.Events;

/**
 * A labelled stretch of events cut from an input file.
 *
 * @param index position in its file (0 for one-sample files, the label row for DVS128 Gesture)
 * @param label class index (0-based)
 * @param t0    start time: the first event, or the label row's start time; origin of a time crop
 */
public record EventSample(int index, int label, Events events, long t0) {}
