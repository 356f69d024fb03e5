package org.firstspike.prep.frame;

/**
 * How a sample's events are cut into frames. Two conventions exist in the field and their numbers differ, so
 * the mode names the convention (formats-and-anchors §4):
 * <ul>
 *   <li>SpikingJelly ({@code integrate_events_by_fixed_frames_number}): a fixed number of frames T, and the last
 *   frame absorbs the remainder, so every event is binned. {@link #SJ_NUMBER}: N // T events per frame;
 *   {@link #SJ_TIME}: windows of (t_last - t_first) // T microseconds. SpikingJelly crashes on an empty time bin;
 *   here empty bins are simply empty frames.</li>
 *   <li>Tonic ({@code ToFrame}): {@link #TONIC_TIME_BINS} and {@link #TONIC_EVENT_BINS} give T frames but drop the
 *   tail that does not fill a whole bin; {@link #TONIC_TIME_WINDOW} and {@link #TONIC_EVENT_COUNT} give fixed-size
 *   windows (with overlap), so the number of frames varies per sample.</li>
 * </ul>
 */
public enum BinningMode {
    SJ_NUMBER("spikingjelly", "number"),
    SJ_TIME("spikingjelly", "time"),
    TONIC_EVENT_BINS("tonic", "number"),
    TONIC_TIME_BINS("tonic", "time"),
    TONIC_TIME_WINDOW("tonic", "time-window"),
    TONIC_EVENT_COUNT("tonic", "event-count");

    private final String convention;
    private final String splitBy;

    BinningMode(String convention, String splitBy) {
        this.convention = convention;
        this.splitBy = splitBy;
    }

    public String convention() { return convention; }

    public String splitBy() { return splitBy; }

    /** True when every sample gets exactly {@code frames} frames. */
    public boolean fixedFrameCount() {
        return this != TONIC_TIME_WINDOW && this != TONIC_EVENT_COUNT;
    }

    /** True when events past the last whole bin or window are dropped (Tonic) rather than absorbed (SpikingJelly). */
    public boolean dropsTail() {
        return convention.equals("tonic");
    }

    /** Mode from the command line's {@code --convention} and {@code --split-by}. */
    public static BinningMode of(String convention, String splitBy) {
        for (BinningMode m : values())
            if (m.convention.equalsIgnoreCase(convention) && m.splitBy.equalsIgnoreCase(splitBy)) return m;
        if (!convention.equalsIgnoreCase("spikingjelly") && !convention.equalsIgnoreCase("tonic"))
            throw new IllegalArgumentException("convention '" + convention + "': expected spikingjelly or tonic");
        throw new IllegalArgumentException("split-by '" + splitBy + "' with convention " + convention
                + ": expected number or time" + (convention.equalsIgnoreCase("tonic") ? ", time-window or event-count" : ""));
    }
}
