package org.firstspike.prep.io;

import org.firstspike.core.io.MalformedInputException;
import org.firstspike.prep.event.SensorSize;

/**
 * Reads AEDAT 2.0 files written by jAER from a DVS128 (the CIFAR10-DVS recordings) into events.
 *
 * <p>Layout: an ASCII header whose first line is {@code #!AER-DAT2.0} ({@link AedatHeader} explains how
 * its end is found without an end marker), then big-endian 8-byte records {@code int32 address,
 * int32 timestamp} (microseconds). The address is jAER's DVS128 address: bit 0 polarity, bits 1-7 x,
 * bits 8-14 y, bit 15 the external-event flag; {@link DvsAddressConvention} maps it to x, y, p.
 *
 * <p>Choices, and why:
 * <ul>
 *   <li>External events (bit 15: sync pulses, special events) carry no pixel; they are dropped and
 *       counted ({@link DecodedEvents#recordsDropped()}). SpikingJelly decodes them as pixel events.</li>
 *   <li>An address with any of bits 16-31 set is rejected: a DVS128 address has 16 bits, and such a
 *       file is most likely from another sensor (DAVIS addresses use the high bits), whose events this
 *       mapping would silently scramble.</li>
 *   <li>Timestamps are read as unsigned 32-bit, as SpikingJelly does ({@code >u4}); this also keeps a
 *       recording that crosses 2^31 us continuous. They must not decrease.</li>
 *   <li>The data must be a whole number of records; a partial record at the end means a truncated file.</li>
 * </ul>
 */
public final class Aedat20Reader {
    private static final String MAGIC = "#!AER-DAT2.0";
    private static final int RECORD = 8;
    private static final int EXTERNAL_EVENT = 1 << 15;

    private Aedat20Reader() {
    }

    /**
     * Decodes every pixel event of an AEDAT 2.0 DVS128 file.
     *
     * @param source     name of the file for messages (local path or filesystem URI)
     * @param content    the whole file
     * @param convention how addresses map to x, y and polarity
     * @throws MalformedInputException if the content is not a well-formed AEDAT 2.0 DVS128 file
     */
    public static DecodedEvents read(String source, byte[] content, DvsAddressConvention convention)
            throws MalformedInputException {
        int at = AedatHeader.endV20(source, content, MAGIC);
        int partial = (content.length - at) % RECORD;
        if (partial != 0) {
            throw new MalformedInputException(source, content.length - partial, "trailing partial record: "
                    + partial + " bytes left, expected " + RECORD + "-byte records (int32 address, int32 timestamp)"
                    + " from the end of the header at byte " + at);
        }
        EventCollector events = new EventCollector(source, SensorSize.DVS128, (content.length - at) / RECORD, "");
        for (; at < content.length; at += RECORD) {
            int address = Endian.be32(content, at);
            if ((address >>> 16) != 0) {
                throw new MalformedInputException(source, at, String.format("address 0x%08X has bits 16-31 set;"
                        + " expected a 16-bit jAER DVS128 address (is this a recording from another sensor?)", address));
            }
            if ((address & EXTERNAL_EVENT) != 0) {
                events.drop();
                continue;
            }
            int xRaw = (address >>> 1) & 0x7F;
            int yRaw = (address >>> 8) & 0x7F;
            long t = Integer.toUnsignedLong(Endian.be32(content, at + 4));
            events.add(at, t, convention.x(xRaw, yRaw), convention.y(xRaw, yRaw), convention.polarity(address & 1));
        }
        return events.finish(0);
    }
}
