package org.firstspike.prep.synth;

import java.util.List;
import org.firstspike.prep.event.Events;
import org.firstspike.prep.event.GestureSegment;

/** One simulated DVS128 Gesture trial: the whole event stream and where each gesture lies in it. */
public record GestureRecording(Events events, List<GestureSegment> segments) {
    public GestureRecording {
        segments = List.copyOf(segments);
    }

    /** Events of segment {@code k} with SpikingJelly's cut {@code start <= t < end}. */
    public int eventsIn(int k) {
        GestureSegment g = segments.get(k);
        return events.lowerBound(g.endUs()) - events.lowerBound(g.startUs());
    }
}
