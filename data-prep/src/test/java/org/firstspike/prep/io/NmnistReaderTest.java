package org.firstspike.prep.io;

import static org.firstspike.prep.io.ReaderAssertions.assertEvents;
import static org.firstspike.prep.io.ReaderAssertions.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import org.firstspike.prep.event.SensorSize;
import org.junit.jupiter.api.Test;

/** NmnistReader on hand-built 5-byte event files, and every rejection. */
class NmnistReaderTest {

    private static final String SOURCE = "/data/nmnist/Train/3/00042.bin";

    /** One N-MNIST event: x, y, then polarity in bit 23 and the 23-bit timestamp, big-endian. */
    private static byte[] event(int x, int y, int p, int t) {
        return new byte[] {(byte) x, (byte) y, (byte) (p << 7 | t >>> 16), (byte) (t >>> 8), (byte) t};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static DecodedEvents read(byte[] content) throws Exception {
        return NmnistReader.read(SOURCE, content, SensorSize.ATIS_NMNIST);
    }

    @Test
    void decodesFiveByteEvents() throws Exception {
        byte[] file = {
            3, 4, (byte) 0x81, 0x02, 0x03,          // x 3, y 4, ON, t = 0x010203 = 66051
            33, 33, 0x01, 0x02, 0x04,               // x 33, y 33, OFF, t = 66052
            0, 0, 0x7F, (byte) 0xFF, (byte) 0xFF,   // x 0, y 0, OFF, t = 0x7FFFFF = 8388607 (largest)
        };
        DecodedEvents d = read(file);
        assertEvents(d.events(), new long[] {66051, 66052, 8388607}, new int[] {3, 33, 0}, new int[] {4, 33, 0},
                new int[] {1, 0, 0});
        assertEquals(3, d.recordsRead());
        assertEquals(0, d.recordsDropped());
        assertEquals(0, d.packetsSkipped());
    }

    @Test
    void emptyFile() {
        assertMalformed(SOURCE, 0, () -> read(new byte[0]), "empty file", "expected 5-byte N-MNIST events");
    }

    @Test
    void lengthNotAMultipleOfFive() {
        byte[] file = concat(event(1, 1, 1, 10), new byte[] {1, 2});
        assertMalformed(SOURCE, 5, () -> read(file), "trailing partial record: 2 bytes left",
                "expected 5-byte events", "file length 7 is not a multiple of 5");
    }

    @Test
    void eventOutsideTheSensor() {
        byte[] x = concat(event(1, 1, 1, 10), event(34, 0, 1, 11));
        assertMalformed(SOURCE, 5, () -> read(x), "event at x=34, y=0 is outside the 34x34 sensor",
                "expected 0 <= x < 34 and 0 <= y < 34");
        byte[] overflowMarker = concat(event(1, 1, 1, 10), event(2, 2, 0, 20), event(0, 240, 0, 0));
        assertMalformed(SOURCE, 10, () -> read(overflowMarker), "x=0, y=240 is outside",
                "y == 240 is a timestamp-overflow marker in some tools", "this reader rejects it");
    }

    @Test
    void timestampsGoingBackwards() {
        byte[] file = concat(event(1, 1, 1, 500), event(1, 2, 1, 500), event(2, 2, 0, 499));
        assertMalformed(SOURCE, 10, () -> read(file), "timestamp 499 us is before the previous event's 500 us",
                "expected non-decreasing timestamps");
    }
}
