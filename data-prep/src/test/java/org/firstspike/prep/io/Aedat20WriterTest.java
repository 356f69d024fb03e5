package org.firstspike.prep.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.firstspike.prep.event.EventBuffer;
import org.junit.jupiter.api.Test;

class Aedat20WriterTest {
    @Test
    void headerLinesThenBigEndianAddressAndTimestamp() {
        EventBuffer b = new EventBuffer(2);
        b.add(1234, 10, 100, 1);
        b.add(0x01020304, 127, 0, 0);
        byte[] file = Aedat20Writer.toBytes(b.build());
        String text = new String(file, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("#!AER-DAT2.0\r\n#"), text);
        int body = Aedat20Writer.HEADER.length();
        assertEquals(body + 16, file.length);
        // Every header line is a '#' line ending in CRLF, and the data starts right after the last one.
        for (String line : Aedat20Writer.HEADER.split("\r\n")) assertTrue(line.startsWith("#"), line);
        assertEquals(0, file[body], "the address's high byte is 0, never '#'");
        // Big-endian: the second timestamp 0x01020304 appears byte by byte.
        assertEquals(1, file[body + 12]);
        assertEquals(2, file[body + 13]);
        assertEquals(3, file[body + 14]);
        assertEquals(4, file[body + 15]);
        assertEquals(1234, ByteBuffer.wrap(file, body + 4, 4).getInt());
    }

    @Test
    void addressIsTheInverseOfSpikingJellysMapping() {
        // Event x = 10, y = 100, ON: raw x = 127 - y = 27, raw y = 127 - x = 117, raw p = 1 - 1 = 0.
        int address = Aedat20Writer.address(10, 100, 1);
        assertEquals((117 << 8) | (27 << 1), address);
        // SpikingJelly's CIFAR10-DVS decode.
        int xRaw = (address & 0xFE) >> 1, yRaw = (address & 0x7F00) >> 8, pRaw = address & 1;
        assertEquals(10, 127 - yRaw);
        assertEquals(100, 127 - xRaw);
        assertEquals(1, 1 - pRaw);
    }

    @Test
    void rejectsEventsOutsideTheDvs128() {
        EventBuffer b = new EventBuffer(1);
        b.add(0, 128, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> Aedat20Writer.toBytes(b.build()));
        EventBuffer late = new EventBuffer(1);
        late.add(1L << 31, 0, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> Aedat20Writer.toBytes(late.build()));
    }
}
