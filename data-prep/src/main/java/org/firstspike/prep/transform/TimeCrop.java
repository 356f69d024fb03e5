package org.firstspike.prep.transform;

import org.firstspike.prep.event.Events;

/**
 * Keeps the events with {@code startUs <= t - t0 < endUs}, times relative to the sample's start {@code t0} (the
 * first event, or a gesture's label start), e.g. {@code 0:100000} keeps N-MNIST's first saccade as Tonic's
 * {@code first_saccade_only} does. Half-open like every window in this package.
 */
public record TimeCrop(long startUs, long endUs) implements java.io.Serializable {

    public TimeCrop {
        if (startUs < 0 || endUs <= startUs)
            throw new IllegalArgumentException("time crop " + startUs + ":" + endUs + " us: expected 0 <= start < end");
    }

    /** Parses {@code START:END} in microseconds. */
    public static TimeCrop parse(String s) {
        String[] parts = s.split(":", -1);
        try {
            if (parts.length == 2) return new TimeCrop(Long.parseLong(parts[0].trim()), Long.parseLong(parts[1].trim()));
        } catch (NumberFormatException ignored) {
            // fall through to the format message
        }
        throw new IllegalArgumentException("time crop '" + s + "': expected START:END in microseconds, e.g. 0:100000");
    }

    public Events apply(Events ev, long t0) {
        return ev.slice(ev.lowerBound(t0 + startUs), ev.lowerBound(t0 + endUs));
    }
}
