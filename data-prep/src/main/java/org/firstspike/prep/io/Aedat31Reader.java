package org.firstspike.prep.io;

import org.firstspike.core.io.MalformedInputException;
import org.firstspike.prep.event.SensorSize;

/**
 * Reads AEDAT 3.1 files (iniVation / libcaer; the DVS128 Gesture recordings) into polarity events.
 *
 * <p>Layout: an ASCII header from {@code #!AER-DAT3.1} to {@code #!END-HEADER} ({@link AedatHeader}),
 * then event packets. A packet is a 28-byte little-endian header (int16 eventType, int16 eventSource,
 * int32 eventSize, eventTSOffset, eventTSOverflow, eventCapacity, eventNumber, eventValid) followed by
 * {@code eventCapacity * eventSize} bytes of events, of which the first {@code eventNumber} are in use.
 * A polarity event (type 1) is {@code uint32 data, int32 timestamp}: data bit 0 is the valid mark,
 * bit 1 the polarity (1 = ON), bits 2-16 y and bits 17-31 x, origin top-left; the time in microseconds
 * is {@code eventTSOverflow << 31 | timestamp} (libcaer {@code events/common.h}, {@code polarity.h}).
 *
 * <p>Choices, and why:
 * <ul>
 *   <li>Packets are dispatched on eventType and stepped over by {@code eventCapacity * eventSize}: only
 *       polarity packets hold 8-byte polarity records. Tonic reads every packet as polarity records, which
 *       turns frame, IMU or special packets into garbage events when a file contains them. Packets of the
 *       other libcaer types (0..13, {@code caer_default_event_types}) are skipped and counted; any other
 *       type means the file is not what this reader understands, and fails.</li>
 *   <li>The valid mark is honoured: libcaer filters invalidate events in place instead of removing them,
 *       so an invalid record is data someone decided to discard. SpikingJelly and Tonic keep them; this
 *       reader drops and counts them ({@link DecodedEvents#recordsDropped()}).</li>
 *   <li>Strict: a bad packet header, data past the end, an event off the sensor, a negative or
 *       decreasing timestamp all fail with a {@link MalformedInputException}. Its offset points at the
 *       offending header field (a packet's start is its eventType field) or at the start of the offending
 *       event record. A file with a header and no packets holds zero events.</li>
 * </ul>
 */
public final class Aedat31Reader {
    private static final String MAGIC = "#!AER-DAT3.1";
    private static final int PACKET_HEADER = 28;
    private static final int POLARITY = 1;
    private static final int POLARITY_SIZE = 8;
    private static final int POLARITY_TS_OFFSET = 4;
    /** libcaer's {@code CAER_DEFAULT_EVENT_TYPES_COUNT}: types 0 (special) to 13 (4x4 matrix). */
    private static final int KNOWN_TYPES = 14;

    private Aedat31Reader() {
    }

    /**
     * Decodes every polarity event of an AEDAT 3.1 file.
     *
     * @param source  name of the file for messages (local path or filesystem URI)
     * @param content the whole file
     * @param sensor  pixel grid every event must lie on, e.g. {@link SensorSize#DVS128}
     * @throws MalformedInputException if the content is not a well-formed AEDAT 3.1 file
     */
    public static DecodedEvents read(String source, byte[] content, SensorSize sensor) throws MalformedInputException {
        int at = AedatHeader.endV31(source, content, MAGIC);
        // Every kept event occupies 8 bytes of the file, so this bound never needs to grow.
        EventCollector events = new EventCollector(source, sensor, (content.length - at) / POLARITY_SIZE, "");
        long packetsSkipped = 0;
        while (at < content.length) {
            int left = content.length - at;
            if (left < PACKET_HEADER) {
                throw new MalformedInputException(source, at, "packet header truncated: " + left
                        + " bytes left, expected " + PACKET_HEADER);
            }
            int type = Endian.le16(content, at);
            int size = Endian.le32(content, at + 4);
            int tsOffset = Endian.le32(content, at + 8);
            int tsOverflow = Endian.le32(content, at + 12);
            int capacity = Endian.le32(content, at + 16);
            int number = Endian.le32(content, at + 20);
            int valid = Endian.le32(content, at + 24);
            if (type < 0 || type >= KNOWN_TYPES) {
                throw bad(source, at, type, 0, "unknown event type " + type + "; expected a libcaer event type 0.."
                        + (KNOWN_TYPES - 1) + " (1 = polarity)");
            }
            if (size < 1) {
                throw bad(source, at, type, 4, "eventSize " + size + "; expected a positive size");
            }
            if (type == POLARITY && size != POLARITY_SIZE) {
                throw bad(source, at, type, 4, "eventSize " + size + "; expected " + POLARITY_SIZE);
            }
            if (type == POLARITY && tsOffset != POLARITY_TS_OFFSET) {
                throw bad(source, at, type, 8, "eventTSOffset " + tsOffset + "; expected " + POLARITY_TS_OFFSET);
            }
            if (tsOverflow < 0) {
                throw bad(source, at, type, 12, "eventTSOverflow " + tsOverflow + "; expected >= 0");
            }
            if (capacity < 0) {
                throw bad(source, at, type, 16, "eventCapacity " + capacity + "; expected >= 0");
            }
            if (number < 0 || number > capacity) {
                throw bad(source, at, type, 20, "eventNumber " + number + "; expected 0..eventCapacity = 0.." + capacity);
            }
            if (valid < 0 || valid > number) {
                throw bad(source, at, type, 24, "eventValid " + valid + "; expected 0..eventNumber = 0.." + number);
            }
            long dataBytes = (long) capacity * size;
            if (dataBytes > left - PACKET_HEADER) {
                throw bad(source, at, type, 16, "data runs past the end of the file: eventCapacity " + capacity
                        + " x eventSize " + size + " = " + dataBytes + " bytes from byte " + (at + PACKET_HEADER)
                        + ", but only " + (left - PACKET_HEADER) + " bytes remain; expected the packet to end within"
                        + " the file");
            }
            int data = at + PACKET_HEADER;
            if (type == POLARITY) {
                decodePolarity(source, content, data, number, tsOverflow, events);
            } else {
                packetsSkipped++;
            }
            at = data + (int) dataBytes;
        }
        return events.finish(packetsSkipped);
    }

    /** An error in the header field at {@code field} bytes into the packet starting at {@code packet}. */
    private static MalformedInputException bad(String source, int packet, int type, int field, String what) {
        return new MalformedInputException(source, packet + field,
                (type == POLARITY ? "polarity packet" : "packet") + " at byte " + packet + ": " + what);
    }

    /** Decodes the {@code number} records in use of a polarity packet whose events start at {@code from}. */
    private static void decodePolarity(String source, byte[] c, int from, int number, int tsOverflow,
            EventCollector events) throws MalformedInputException {
        long high = (long) tsOverflow << 31;
        int end = from + number * POLARITY_SIZE;
        for (int at = from; at < end; at += POLARITY_SIZE) {
            int data = Endian.le32(c, at);
            if ((data & 1) == 0) {
                events.drop();
                continue;
            }
            int timestamp = Endian.le32(c, at + 4);
            if (timestamp < 0) {
                throw new MalformedInputException(source, at, "timestamp " + timestamp + " is negative; expected "
                        + "0..2^31-1 (libcaer event timestamps have 31 bits; the packet's eventTSOverflow the rest)");
            }
            events.add(at, high | timestamp, (data >>> 17) & 0x7FFF, (data >>> 2) & 0x7FFF, (data >>> 1) & 1);
        }
    }
}
