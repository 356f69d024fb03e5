package org.firstspike.prep.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.firstspike.prep.event.EventBuffer;
import org.firstspike.prep.event.Events;
import org.junit.jupiter.api.Test;

class Aedat31WriterTest {
    private static final ZonedDateTime START = ZonedDateTime.of(2017, 4, 5, 16, 22, 5, 0, ZoneOffset.ofHours(-4));
    private static final String HEADER = "#!AER-DAT3.1\r\n#Format: RAW\r\n#Source 0: DVS128\r\n"
            + "#Start-Time: 2017-04-05 16:22:05 (TZ-0400)\r\n#!END-HEADER\r\n";

    private static Events events(long[] t) {
        EventBuffer b = new EventBuffer(t.length);
        for (int i = 0; i < t.length; i++) b.add(t[i], 100 + i, 7 + i, i % 2);
        return b.build();
    }

    /** The bytes after the text header, little-endian. */
    private static ByteBuffer body(byte[] file) {
        return ByteBuffer.wrap(file, HEADER.length(), file.length - HEADER.length()).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void headerIsTheDvs128GestureHeader() {
        byte[] file = new Aedat31Writer(4096, 0).toBytes(Events.empty(), START);
        assertEquals(HEADER, new String(file, StandardCharsets.US_ASCII));
    }

    @Test
    void polarityPacketsHoldAtMostTheRequestedEventsWithHeaderFields() {
        ByteBuffer b = body(new Aedat31Writer(2, 0).toBytes(events(new long[] {10, 20, 30}), START));
        // First packet: type 1, source 0, size 8, tsOffset 4, overflow 0, capacity = number = valid = 2.
        assertEquals(1, b.getShort(0));
        assertEquals(0, b.getShort(2));
        assertEquals(8, b.getInt(4));
        assertEquals(4, b.getInt(8));
        assertEquals(0, b.getInt(12));
        assertEquals(2, b.getInt(16));
        assertEquals(2, b.getInt(20));
        assertEquals(2, b.getInt(24));
        // Second event decoded by hand: x = 101, y = 8, p = 1, valid, t = 20.
        int data = b.getInt(28 + 8);
        assertEquals(1, data & 1);
        assertEquals(1, (data >>> 1) & 1);
        assertEquals(8, (data >>> 2) & 0x7FFF);
        assertEquals(101, (data >>> 17) & 0x7FFF);
        assertEquals(20, b.getInt(28 + 12));
        // Second packet holds the remaining event.
        int second = 28 + 2 * 8;
        assertEquals(1, b.getInt(second + 20));
        assertEquals(30, b.getInt(second + 28 + 4));
        assertEquals(second + 28 + 8, b.limit());
    }

    @Test
    void newPacketWhenTheTimestampOverflowChanges() {
        long wrap = 1L << 31;
        ByteBuffer b = body(new Aedat31Writer(100, 0).toBytes(events(new long[] {wrap - 1, wrap + 5}), START));
        assertEquals(1, b.getInt(20));
        assertEquals(0, b.getInt(12));
        assertEquals(Integer.MAX_VALUE, b.getInt(28 + 4));
        int second = 28 + 8;
        assertEquals(1, b.getInt(second + 12));
        assertEquals(5, b.getInt(second + 28 + 4));
        assertEquals(wrap + 5, ((long) b.getInt(second + 12) << 31) | b.getInt(second + 28 + 4));
    }

    @Test
    void specialPacketsAreInterleavedBetweenPolarityPackets() {
        ByteBuffer b = body(new Aedat31Writer(1, 1).toBytes(events(new long[] {10, 20}), START));
        assertEquals(1, b.getShort(0));
        int special = 28 + 8;
        assertEquals(0, b.getShort(special));
        assertEquals(1, b.getInt(special + 16));
        int data = b.getInt(special + 28);
        assertEquals(1, data & 1);
        assertEquals(Aedat31Writer.EXTERNAL_INPUT_RISING_EDGE, (data >>> 1) & 0x7F);
        assertEquals(10, b.getInt(special + 32));
        int last = special + 28 + 8;
        assertEquals(1, b.getShort(last));
        assertEquals(20, b.getInt(last + 32));
        // None after the last polarity packet.
        assertEquals(last + 28 + 8, b.limit());
    }

    @Test
    void rejectsNegativeTimesAndBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> new Aedat31Writer(100, 0).toBytes(events(new long[] {-1}), START));
        assertThrows(IllegalArgumentException.class, () -> new Aedat31Writer(0, 0));
        EventBuffer b = new EventBuffer(1);
        b.add(0, -1, 0, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Aedat31Writer(10, 0).toBytes(b.build(), START));
        assertTrue(e.getMessage().contains("x=-1"), e.getMessage());
    }
}
