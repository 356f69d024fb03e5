package org.firstspike.prep.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.firstspike.prep.event.EventBuffer;
import org.firstspike.prep.event.Events;
import org.junit.jupiter.api.Test;

class NmnistWriterTest {
    private static Events of(long t, int x, int y, int p) {
        EventBuffer b = new EventBuffer(1);
        b.add(t, x, y, p);
        return b.build();
    }

    @Test
    void packsXYPolarityAnd23BitTimestampInFiveBytes() {
        EventBuffer b = new EventBuffer(2);
        b.add(0x123456, 33, 5, 1);
        b.add(0x7FFFFF, 0, 33, 0);
        byte[] bytes = NmnistWriter.toBytes(b.build());
        assertArrayEquals(new byte[] {33, 5, (byte) 0x92, 0x34, 0x56, 0, 33, 0x7F, (byte) 0xFF, (byte) 0xFF}, bytes);
        // Decoded as SpikingJelly's load_ATIS_bin does.
        int ts = ((bytes[2] & 0x7F) << 16) | ((bytes[3] & 0xFF) << 8) | (bytes[4] & 0xFF);
        assertEquals(0x123456, ts);
        assertEquals(1, (bytes[2] & 0xFF) >> 7);
    }

    @Test
    void rejectsValuesThatDoNotFit() {
        assertThrows(IllegalArgumentException.class, () -> NmnistWriter.toBytes(of(1L << 23, 0, 0, 1)));
        assertThrows(IllegalArgumentException.class, () -> NmnistWriter.toBytes(of(-1, 0, 0, 1)));
        assertThrows(IllegalArgumentException.class, () -> NmnistWriter.toBytes(of(0, 256, 0, 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NmnistWriter.toBytes(of(0, 0, -1, 0)));
        assertTrue(e.getMessage().contains("event 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NmnistWriter.toBytes(of(0, 0, 0, 2)));
    }
}
