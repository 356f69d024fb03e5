package org.firstspike.prep.io;

import org.firstspike.core.io.MalformedInputException;
import org.firstspike.prep.event.EventBuffer;
import org.firstspike.prep.event.SensorSize;

/**
 * Accumulates the events of one file for the readers, enforcing what all of them promise: every kept
 * event lies on the sensor and timestamps never decrease. Checks run on kept events only, because
 * dropped records (invalid marks, external events) may legitimately carry zeroed or foreign fields.
 */
final class EventCollector {
    private final String source;
    private final SensorSize sensor;
    private final String outsideSensorNote;
    private final EventBuffer events;
    private long recordsRead;
    private long recordsDropped;

    /**
     * @param capacity          upper bound on the number of events, from the content length, so the
     *                          buffer never grows
     * @param outsideSensorNote appended to the message for an event off the sensor ("" for none)
     */
    EventCollector(String source, SensorSize sensor, int capacity, String outsideSensorNote) {
        this.source = source;
        this.sensor = sensor;
        this.outsideSensorNote = outsideSensorNote;
        this.events = new EventBuffer(capacity);
    }

    /** Keeps the event whose record starts at byte {@code offset}. */
    void add(int offset, long t, int x, int y, int p) throws MalformedInputException {
        recordsRead++;
        if (!sensor.contains(x, y)) {
            throw new MalformedInputException(source, offset, "event at x=" + x + ", y=" + y + " is outside the "
                    + sensor.width() + "x" + sensor.height() + " sensor; expected 0 <= x < " + sensor.width()
                    + " and 0 <= y < " + sensor.height() + outsideSensorNote);
        }
        if (events.size() > 0 && t < events.lastTime()) {
            throw new MalformedInputException(source, offset, "timestamp " + t + " us is before the previous event's "
                    + events.lastTime() + " us; expected non-decreasing timestamps");
        }
        events.add(t, x, y, p);
    }

    /** Counts a record that the format marks as not to be used. */
    void drop() {
        recordsRead++;
        recordsDropped++;
    }

    DecodedEvents finish(long packetsSkipped) {
        return new DecodedEvents(events.build(), recordsRead, recordsDropped, packetsSkipped);
    }
}
