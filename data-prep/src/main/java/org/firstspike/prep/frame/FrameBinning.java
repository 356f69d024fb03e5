package org.firstspike.prep.frame;

/**
 * A binning recipe: the mode and its parameters, validated on construction and written verbatim into the
 * dataset metadata.
 *
 * @param mode              the convention and what is split
 * @param frames            T for the fixed-count modes (ignored by the window modes, where it must be 0)
 * @param windowUs          window length for {@link BinningMode#TONIC_TIME_WINDOW}, microseconds
 * @param eventCount        events per window for {@link BinningMode#TONIC_EVENT_COUNT}
 * @param overlap           Tonic's overlap: a fraction in [0, 1) for the bin modes, microseconds for the time window,
 *                          events for the event count; 0 for SpikingJelly
 * @param includeIncomplete Tonic's include_incomplete for the window modes (one more, partial window at the end)
 * @param polarities        2 = OFF and ON channels (OFF = 0, ON = 1), 1 = merged into one channel
 */
public record FrameBinning(BinningMode mode, int frames, long windowUs, int eventCount, double overlap,
                           boolean includeIncomplete, int polarities) implements java.io.Serializable {

    public FrameBinning {
        if (polarities != 1 && polarities != 2)
            throw new IllegalArgumentException("polarities " + polarities + ": expected 2 (OFF, ON) or 1 (merged)");
        if (!(overlap >= 0)) throw new IllegalArgumentException("overlap " + overlap + ": expected >= 0");
        switch (mode) {
            case SJ_NUMBER, SJ_TIME -> {
                requireFrames(frames);
                if (overlap != 0) throw new IllegalArgumentException("overlap is a Tonic option; SpikingJelly bins do not overlap");
                if (includeIncomplete) throw new IllegalArgumentException("include-incomplete is a Tonic window option");
            }
            case TONIC_EVENT_BINS, TONIC_TIME_BINS -> {
                requireFrames(frames);
                if (overlap >= 1) throw new IllegalArgumentException("overlap " + overlap + ": for bins it is a fraction in [0, 1)");
                if (includeIncomplete) throw new IllegalArgumentException("include-incomplete applies to time-window and event-count only");
            }
            case TONIC_TIME_WINDOW -> {
                if (windowUs <= 0) throw new IllegalArgumentException("time window " + windowUs + " us: expected > 0");
                if (overlap >= windowUs) throw new IllegalArgumentException("overlap " + overlap + " us must be below the window " + windowUs + " us");
            }
            case TONIC_EVENT_COUNT -> {
                if (eventCount <= 0) throw new IllegalArgumentException("event count " + eventCount + ": expected > 0");
                if (overlap != Math.floor(overlap)) throw new IllegalArgumentException("overlap " + overlap + ": for event-count it is a number of events");
            }
        }
    }

    private static void requireFrames(int frames) {
        if (frames < 1 || frames > 4096) throw new IllegalArgumentException("frames " + frames + ": expected 1..4096");
    }

    public static FrameBinning fixed(BinningMode mode, int frames) {
        return new FrameBinning(mode, frames, 0, 0, 0, false, 2);
    }

    public FrameBinning withPolarities(int p) {
        return new FrameBinning(mode, frames, windowUs, eventCount, overlap, includeIncomplete, p);
    }
}
