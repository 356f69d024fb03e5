package org.firstspike.prep.io;

import static org.firstspike.prep.io.Aedat31Builder.HEADER_LENGTH;
import static org.firstspike.prep.io.Aedat31Builder.data;
import static org.firstspike.prep.io.ReaderAssertions.assertEvents;
import static org.firstspike.prep.io.ReaderAssertions.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.firstspike.prep.event.SensorSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Aedat31Reader on hand-built AEDAT 3.1 files: decoding, drop and skip counts, and every rejection. */
class Aedat31ReaderTest {

    private static final String SOURCE = "hdfs://namenode:8020/gesture/user01_fluorescent.aedat";
    private static final SensorSize DVS128 = SensorSize.DVS128;
    /** First packet's data, after the header and one packet header. */
    private static final int DATA = HEADER_LENGTH + 28;

    private static DecodedEvents read(byte[] content) throws Exception {
        return Aedat31Reader.read(SOURCE, content, DVS128);
    }

    @Test
    void decodesPolarityEventsDropsInvalidOnesAndSkipsOtherPackets() throws Exception {
        byte[] file = new Aedat31Builder()
                // Packet at 61: 3 of 4 slots used; the middle record is invalid and, being dropped, is
                // neither bounds- nor order-checked (x = 200, earlier timestamp).
                .polarity(0, 4, new int[] {data(5, 7, 1, true), 100}, new int[] {data(200, 0, 0, false), 50},
                        new int[] {data(0, 127, 0, true), 200})
                // Packet at 121: one IMU6 sample of 36 bytes, skipped whole.
                .packet(3, 36, 32, 0, 1, 1, 1, new byte[36])
                // Packet at 185: the overflow counter supplies bit 31 and up of the time.
                .polarity(1, 1, new int[] {data(64, 32, 1, true), 10})
                .bytes();

        DecodedEvents d = read(file);

        assertEvents(d.events(), new long[] {100, 200, 2147483648L + 10}, new int[] {5, 0, 64},
                new int[] {7, 127, 32}, new int[] {1, 0, 1});
        assertEquals(4, d.recordsRead());
        assertEquals(1, d.recordsDropped());
        assertEquals(1, d.packetsSkipped());
    }

    @Test
    void dataWordBitsAreValidPolarityYX() throws Exception {
        // 0x000A001F: valid 1, polarity 1, y = 0x1F >>> 2 = 7, x = 0xA0000 >>> 17 = 5.
        // 0xFFFFFFFF: every field at its maximum, x = y = 0x7FFF (15-bit masks).
        byte[] file = new Aedat31Builder().polarity(0, 2, new int[] {0x000A001F, 1}, new int[] {0xFFFFFFFF, 2}).bytes();
        DecodedEvents d = Aedat31Reader.read(SOURCE, file, new SensorSize(32768, 32768, 2));
        assertEvents(d.events(), new long[] {1, 2}, new int[] {5, 32767}, new int[] {7, 32767}, new int[] {1, 1});
    }

    @Test
    void overflowCounterIsShiftedBy31() throws Exception {
        byte[] file = new Aedat31Builder()
                .polarity(3, 1, new int[] {data(1, 1, 0, true), 0x7FFFFFFF})
                .polarity(4, 1, new int[] {data(2, 2, 1, true), 0})
                .bytes();
        // 3 << 31 | 0x7FFFFFFF = 2^33 - 1 = 8589934591; 4 << 31 = 2^33.
        assertEvents(read(file).events(), new long[] {8589934591L, 8589934592L}, new int[] {1, 2}, new int[] {1, 2},
                new int[] {0, 1});
    }

    @Test
    void headerOnlyFileHoldsNoEvents() throws Exception {
        // Bare "\n" line ends are accepted as well as "\r\n".
        byte[] file = "#!AER-DAT3.1\n#Format: RAW\n#!END-HEADER\n".getBytes(StandardCharsets.US_ASCII);
        DecodedEvents d = read(file);
        assertEquals(0, d.events().size());
        assertEquals(0, d.recordsRead());
        assertEquals(0, d.packetsSkipped());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13})
    void everyOtherLibcaerTypeIsSkipped(int type) throws Exception {
        byte[] file = new Aedat31Builder()
                .packet(type, 12, 4, 0, 2, 2, 2, new byte[24])
                .polarity(0, 1, new int[] {data(9, 8, 1, true), 7})
                .bytes();
        DecodedEvents d = read(file);
        assertEvents(d.events(), new long[] {7}, new int[] {9}, new int[] {8}, new int[] {1});
        assertEquals(1, d.packetsSkipped());
        assertEquals(1, d.recordsRead());
    }

    // ---- rejected inputs ----

    @Test
    void emptyFile() {
        assertMalformed(SOURCE, 0, () -> read(new byte[0]), "empty file", "#!AER-DAT3.1");
    }

    @Test
    void wrongFirstLine() {
        byte[] v2 = new Aedat20Builder().bytes();
        assertMalformed(SOURCE, 0, () -> read(v2), "found \"#!AER-DAT2.0", "expected #!AER-DAT3.1 header");
        byte[] binary = {0x01, 0x00, 0x08, 0x00};
        assertMalformed(SOURCE, 0, () -> read(binary), "found \"\\x01\\x00\\x08\\x00\"", "expected #!AER-DAT3.1 header");
    }

    @Test
    void headerWithoutEndMarker() {
        byte[] cut = "#!AER-DAT3.1\r\n#Format: RAW\r\n".getBytes(StandardCharsets.US_ASCII);
        assertMalformed(SOURCE, 28, () -> read(cut), "file ends inside the header", "expected a #!END-HEADER line");
        byte[] unterminated = "#!AER-DAT3.1\r\n#!END-HEADER".getBytes(StandardCharsets.US_ASCII);
        assertMalformed(SOURCE, 26, () -> read(unterminated), "file ends inside the header");
        // Binary data where the header should go on: the line at 14 does not start with '#'.
        byte[] noMarker = new Aedat31Builder("#!AER-DAT3.1\r\n").polarity(0, 1, new int[] {data(1, 1, 1, true), 1}).bytes();
        assertMalformed(SOURCE, 14, () -> read(noMarker), "found \"\\x01\\x00", "in the header",
                "expected a '#' header line or #!END-HEADER");
    }

    @Test
    void truncatedPacketHeader() {
        // One good packet (61..97), then 12 bytes of a second header.
        byte[] file = new Aedat31Builder().polarity(0, 1, new int[] {data(1, 1, 1, true), 1}).raw(new byte[12]).bytes();
        assertMalformed(SOURCE, 97, () -> read(file), "packet header truncated: 12 bytes left, expected 28");
    }

    @Test
    void packetDataRunningPastTheEnd() {
        // Capacity 10 declares 80 data bytes; only 24 (three records) are present.
        byte[] file = new Aedat31Builder().packet(1, 8, 4, 0, 10, 3, 0, new byte[24]).bytes();
        assertMalformed(SOURCE, HEADER_LENGTH + 16, () -> read(file), "packet at byte 61",
                "data runs past the end of the file", "eventCapacity 10 x eventSize 8 = 80 bytes from byte 89",
                "only 24 bytes remain", "expected the packet to end within the file");
    }

    @Test
    void negativeOrInconsistentHeaderFields() {
        int p = HEADER_LENGTH;
        assertMalformed(SOURCE, p + 4, () -> read(new Aedat31Builder().packet(2, -8, 4, 0, 1, 1, 1, new byte[0]).bytes()),
                "packet at byte 61: eventSize -8", "expected a positive size");
        assertMalformed(SOURCE, p + 4, () -> read(new Aedat31Builder().packet(0, 0, 4, 0, 1, 1, 1, new byte[0]).bytes()),
                "eventSize 0", "expected a positive size");
        assertMalformed(SOURCE, p + 12, () -> read(new Aedat31Builder().polarity(-1, 0).bytes()),
                "polarity packet at byte 61: eventTSOverflow -1", "expected >= 0");
        assertMalformed(SOURCE, p + 16, () -> read(new Aedat31Builder().packet(1, 8, 4, 0, -1, 0, 0, new byte[0]).bytes()),
                "eventCapacity -1", "expected >= 0");
        assertMalformed(SOURCE, p + 20, () -> read(new Aedat31Builder().packet(1, 8, 4, 0, 1, -1, 0, new byte[8]).bytes()),
                "eventNumber -1", "expected 0..eventCapacity = 0..1");
        assertMalformed(SOURCE, p + 20, () -> read(new Aedat31Builder().packet(1, 8, 4, 0, 4, 5, 0, new byte[32]).bytes()),
                "eventNumber 5", "expected 0..eventCapacity = 0..4");
        assertMalformed(SOURCE, p + 24, () -> read(new Aedat31Builder().packet(1, 8, 4, 0, 1, 1, -1, new byte[8]).bytes()),
                "eventValid -1", "expected 0..eventNumber = 0..1");
        assertMalformed(SOURCE, p + 24, () -> read(new Aedat31Builder().packet(1, 8, 4, 0, 2, 1, 2, new byte[16]).bytes()),
                "eventValid 2", "expected 0..eventNumber = 0..1");
    }

    @Test
    void polarityPacketWithAnotherEventLayout() {
        assertMalformed(SOURCE, HEADER_LENGTH + 4,
                () -> read(new Aedat31Builder().packet(1, 12, 4, 0, 1, 1, 1, new byte[12]).bytes()),
                "polarity packet at byte 61: eventSize 12", "expected 8");
        assertMalformed(SOURCE, HEADER_LENGTH + 8,
                () -> read(new Aedat31Builder().packet(1, 8, 0, 0, 1, 1, 1, new byte[8]).bytes()),
                "polarity packet at byte 61: eventTSOffset 0", "expected 4");
    }

    @Test
    void unknownEventType() {
        // The unknown packet follows a good one, at 61 + 28 + 8 = 97.
        for (int type : new int[] {14, 42, 100, -1}) {
            byte[] file = new Aedat31Builder().polarity(0, 1, new int[] {data(1, 1, 1, true), 1})
                    .packet(type, 8, 4, 0, 0, 0, 0, new byte[0]).bytes();
            assertMalformed(SOURCE, 97, () -> read(file), "packet at byte 97: unknown event type " + type,
                    "expected a libcaer event type 0..13");
        }
    }

    @Test
    void eventOutsideTheSensor() {
        byte[] xOff = new Aedat31Builder().polarity(0, 2, new int[] {data(127, 127, 1, true), 1},
                new int[] {data(128, 5, 1, true), 2}).bytes();
        assertMalformed(SOURCE, DATA + 8, () -> read(xOff), "event at x=128, y=5 is outside the 128x128 sensor",
                "expected 0 <= x < 128 and 0 <= y < 128");
        byte[] yOff = new Aedat31Builder().polarity(0, 1, new int[] {data(3, 300, 0, true), 1}).bytes();
        assertMalformed(SOURCE, DATA, () -> read(yOff), "x=3, y=300 is outside");
    }

    @Test
    void timestampsGoingBackwardsAcrossPackets() {
        // Second packet at 61 + 28 + 8 = 97; its event at 125.
        byte[] file = new Aedat31Builder()
                .polarity(0, 1, new int[] {data(1, 1, 1, true), 100})
                .polarity(0, 1, new int[] {data(1, 1, 1, true), 50})
                .bytes();
        assertMalformed(SOURCE, 125, () -> read(file), "timestamp 50 us is before the previous event's 100 us",
                "expected non-decreasing timestamps");
        // A lower overflow counter in a later packet goes backwards too: 1 << 31 then 0 << 31 | 5.
        byte[] overflow = new Aedat31Builder()
                .polarity(1, 1, new int[] {data(1, 1, 1, true), 0})
                .polarity(0, 1, new int[] {data(1, 1, 1, true), 5})
                .bytes();
        assertMalformed(SOURCE, 125, () -> read(overflow), "timestamp 5 us is before the previous event's 2147483648 us");
    }

    @Test
    void negativeTimestamp() {
        byte[] file = new Aedat31Builder().polarity(0, 1, new int[] {data(1, 1, 1, true), -7}).bytes();
        assertMalformed(SOURCE, DATA, () -> read(file), "timestamp -7 is negative", "expected 0..2^31-1");
    }
}
