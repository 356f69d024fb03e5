package org.firstspike.prep.io;

import java.util.Objects;
import org.firstspike.prep.event.Events;

/**
 * The events decoded from one recording file plus what the reader saw on the way, so a caller can
 * log or check how much of a file was kept.
 *
 * @param events         the kept events, in time order
 * @param recordsRead    every event record decoded from the file, kept or dropped (for AEDAT 3.1 only
 *                       polarity records count: the first {@code eventNumber} of each polarity packet)
 * @param recordsDropped records decoded but dropped for a documented format reason: the invalid mark
 *                       (AEDAT 3.1) or the external-event bit (AEDAT 2.0); always
 *                       {@code recordsRead - events.size()}
 * @param packetsSkipped AEDAT 3.1 packets of a known non-polarity type (frames, IMU, special, ...) that
 *                       were skipped whole; 0 for formats without packets
 */
public record DecodedEvents(Events events, long recordsRead, long recordsDropped, long packetsSkipped) {

    public DecodedEvents {
        Objects.requireNonNull(events, "events");
        if (recordsDropped < 0 || packetsSkipped < 0 || recordsRead - recordsDropped != events.size()) {
            throw new IllegalArgumentException("inconsistent counts: " + recordsRead + " records read, "
                    + recordsDropped + " dropped, " + events.size() + " events, " + packetsSkipped
                    + " packets skipped; expected read - dropped = events and no negative count");
        }
    }
}
