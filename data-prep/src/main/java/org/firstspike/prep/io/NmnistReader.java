package org.firstspike.prep.io;

import org.firstspike.core.io.MalformedInputException;
import org.firstspike.prep.event.SensorSize;

/**
 * Reads N-MNIST {@code .bin} files (Orchard et al. 2015; ATIS sensor, 34x34) into events.
 *
 * <p>Layout: no header, 5 bytes per event: byte 0 x, byte 1 y, byte 2 bit 7 polarity (1 = ON), and a
 * 23-bit timestamp in microseconds, {@code (byte2 & 0x7F) << 16 | byte3 << 8 | byte4}.
 *
 * <p>Strict on purpose: Tonic and event-Python treat {@code y == 240} as a timestamp-overflow marker
 * (drop it, add 2^13 to later timestamps). Samples last about 300 ms, far below the 2^23 us the
 * timestamp field spans, so no real file needs it; such a record is rejected as off the sensor like
 * any other, and timestamps must not decrease.
 */
public final class NmnistReader {
    private static final int RECORD = 5;

    private NmnistReader() {
    }

    /**
     * Decodes every event of an N-MNIST file.
     *
     * @param source  name of the file for messages (local path or filesystem URI)
     * @param content the whole file
     * @param sensor  pixel grid every event must lie on, normally {@link SensorSize#ATIS_NMNIST}
     * @throws MalformedInputException if the content is not a well-formed N-MNIST file
     */
    public static DecodedEvents read(String source, byte[] content, SensorSize sensor) throws MalformedInputException {
        if (content.length == 0) {
            throw new MalformedInputException(source, 0, "empty file; expected " + RECORD + "-byte N-MNIST events");
        }
        int partial = content.length % RECORD;
        if (partial != 0) {
            throw new MalformedInputException(source, content.length - partial, "trailing partial record: " + partial
                    + " bytes left, expected " + RECORD + "-byte events (file length " + content.length
                    + " is not a multiple of " + RECORD + ")");
        }
        EventCollector events = new EventCollector(source, sensor, content.length / RECORD,
                " (y == 240 is a timestamp-overflow marker in some tools such as Tonic; this reader rejects it)");
        for (int at = 0; at < content.length; at += RECORD) {
            int b2 = content[at + 2] & 0xFF;
            long t = (b2 & 0x7F) << 16 | (content[at + 3] & 0xFF) << 8 | (content[at + 4] & 0xFF);
            events.add(at, t, content[at] & 0xFF, content[at + 1] & 0xFF, b2 >>> 7);
        }
        return events.finish(0);
    }
}
