package org.firstspike.prep.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.firstspike.prep.event.Events;

/**
 * Writes a DVS128 recording as AEDAT 3.1, the format of the IBM DVS128 Gesture files ({@code userNN_<lighting>.aedat}).
 *
 * <p>Layout (iniVation AEDAT 3.1, libcaer {@code events/common.h}, {@code polarity.h}): ASCII header lines ending in CRLF,
 * the last {@code #!END-HEADER}; then packets, each a 28-byte little-endian header (int16 eventType, int16 eventSource,
 * int32 eventSize, eventTSOffset, eventTSOverflow, eventCapacity, eventNumber, eventValid) followed by
 * {@code eventCapacity * eventSize} bytes. A polarity event (type 1) is a uint32 data word (bit 0 valid, bit 1 polarity
 * 1 = ON, y in bits 2-16, x in bits 17-31) and an int32 timestamp holding the low 31 bits of the microsecond time; the
 * packet's eventTSOverflow holds {@code t >>> 31}, so a packet never spans an overflow change.
 *
 * <p>Real recordings interleave other packet types; with {@code specialEveryPackets > 0} a SPECIAL packet (type 0) with
 * one external-input event follows every that many polarity packets, so that readers must dispatch on eventType and
 * skip by eventCapacity * eventSize as they would on real files.
 */
public final class Aedat31Writer {
    public static final int HEADER_BYTES = 28;
    public static final int EVENT_BYTES = 8;
    public static final short SPECIAL = 0;
    public static final short POLARITY = 1;
    /** libcaer special-event type of a rising edge on the external input pin: harmless for any decoder. */
    public static final int EXTERNAL_INPUT_RISING_EDGE = 2;
    private static final int MAX_COORDINATE = 0x7FFF;
    private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '(TZ'xx')'");

    private final int maxPacketEvents;
    private final int specialEveryPackets;

    /**
     * @param maxPacketEvents     largest number of polarity events per packet
     * @param specialEveryPackets after how many polarity packets a SPECIAL packet is inserted; 0 for never
     */
    public Aedat31Writer(int maxPacketEvents, int specialEveryPackets) {
        if (maxPacketEvents < 1) throw new IllegalArgumentException("AEDAT 3.1 packet size " + maxPacketEvents + ": expected >= 1 event");
        if (specialEveryPackets < 0) throw new IllegalArgumentException("special packet interval " + specialEveryPackets + ": expected >= 0");
        this.maxPacketEvents = maxPacketEvents;
        this.specialEveryPackets = specialEveryPackets;
    }

    private static String header(ZonedDateTime startTime) {
        return "#!AER-DAT3.1\r\n#Format: RAW\r\n#Source 0: DVS128\r\n#Start-Time: " + START_TIME.format(startTime)
                + "\r\n#!END-HEADER\r\n";
    }

    public byte[] toBytes(Events events, ZonedDateTime startTime) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, 256L + 9L * events.size()));
        try {
            write(events, startTime, bytes);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory write failed", e);
        }
        return bytes.toByteArray();
    }

    public void write(Events events, ZonedDateTime startTime, OutputStream out) throws IOException {
        out.write(header(startTime).getBytes(StandardCharsets.US_ASCII));
        ByteBuffer packet = ByteBuffer.allocate(HEADER_BYTES + maxPacketEvents * EVENT_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        int n = events.size();
        int packets = 0;
        int i = 0;
        while (i < n) {
            long overflow = overflowOf(events, i);
            int end = i + 1;
            while (end < n && end - i < maxPacketEvents && overflowOf(events, end) == overflow) end++;
            packet.clear();
            putHeader(packet, POLARITY, (int) overflow, end - i);
            for (int k = i; k < end; k++) packet.putInt(polarityData(events, k)).putInt((int) (events.t(k) & Integer.MAX_VALUE));
            out.write(packet.array(), 0, packet.position());
            if (specialEveryPackets > 0 && ++packets % specialEveryPackets == 0 && end < n)
                writeSpecial(packet, (int) overflow, (int) (events.t(end - 1) & Integer.MAX_VALUE), out);
            i = end;
        }
    }

    private static long overflowOf(Events events, int i) {
        long t = events.t(i);
        if (t < 0 || (t >>> 31) > Integer.MAX_VALUE)
            throw new IllegalArgumentException("event " + i + ": timestamp " + t + " µs does not fit AEDAT 3.1's 31-bit time plus int32 overflow");
        return t >>> 31;
    }

    private static int polarityData(Events events, int i) {
        int x = events.x(i), y = events.y(i), p = events.p(i);
        if (x < 0 || x > MAX_COORDINATE || y < 0 || y > MAX_COORDINATE || (p & ~1) != 0)
            throw new IllegalArgumentException("event " + i + " (x=" + x + ", y=" + y + ", p=" + p
                    + ") does not fit an AEDAT 3.1 polarity event (x, y in 0.." + MAX_COORDINATE + ", p 0/1)");
        return 1 | (p << 1) | (y << 2) | (x << 17);
    }

    private static void writeSpecial(ByteBuffer packet, int overflow, int timestamp, OutputStream out) throws IOException {
        packet.clear();
        putHeader(packet, SPECIAL, overflow, 1);
        packet.putInt(1 | (EXTERNAL_INPUT_RISING_EDGE << 1)).putInt(timestamp);
        out.write(packet.array(), 0, packet.position());
    }

    private static void putHeader(ByteBuffer packet, short type, int overflow, int events) {
        packet.putShort(type).putShort((short) 0).putInt(EVENT_BYTES).putInt(4).putInt(overflow)
                .putInt(events).putInt(events).putInt(events);
    }
}
