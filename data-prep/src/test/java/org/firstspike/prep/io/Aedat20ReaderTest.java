package org.firstspike.prep.io;

import static org.firstspike.prep.io.Aedat20Builder.HEADER_LENGTH;
import static org.firstspike.prep.io.Aedat20Builder.address;
import static org.firstspike.prep.io.ReaderAssertions.assertEvents;
import static org.firstspike.prep.io.ReaderAssertions.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Aedat20Reader and DvsAddressConvention on hand-built AEDAT 2.0 files, and every rejection. */
class Aedat20ReaderTest {

    private static final String SOURCE = "/data/cifar10dvs/airplane/cifar10_airplane_0.aedat";

    /**
     * Four records: (xRaw 10, yRaw 100, ON) = 0x6415, an external event, (0, 0, OFF) and (127, 127, ON) = 0x7FFF.
     */
    private static byte[] fourRecords() {
        return new Aedat20Builder()
                .record(0x6415, 1000)
                .record(0x8000 | address(5, 5, 1), 1500)
                .record(address(0, 0, 0), 1500)
                .record(0x7FFF, 2000)
                .bytes();
    }

    @Test
    void addressBitsArePolarityXY() {
        assertEquals(0x6415, address(10, 100, 1));
        assertEquals(0x7FFF, address(127, 127, 1));
    }

    @Test
    void spikingJellyConventionTransposesFlipsAndInvertsPolarity() throws Exception {
        DecodedEvents d = Aedat20Reader.read(SOURCE, fourRecords(), DvsAddressConvention.SPIKINGJELLY);
        // x = 127 - yRaw, y = 127 - xRaw, p = 1 - pRaw: (10, 100, 1) -> (27, 117, 0).
        assertEvents(d.events(), new long[] {1000, 1500, 2000}, new int[] {27, 127, 0}, new int[] {117, 127, 0},
                new int[] {0, 1, 0});
        assertEquals(4, d.recordsRead());
        assertEquals(1, d.recordsDropped());
        assertEquals(0, d.packetsSkipped());
    }

    @Test
    void jaerConventionOnlyMovesTheOriginToTheTop() throws Exception {
        DecodedEvents d = Aedat20Reader.read(SOURCE, fourRecords(), DvsAddressConvention.JAER);
        // x = xRaw, y = 127 - yRaw, p = pRaw: (10, 100, 1) -> (10, 27, 1).
        assertEvents(d.events(), new long[] {1000, 1500, 2000}, new int[] {10, 0, 127}, new int[] {27, 127, 0},
                new int[] {1, 0, 1});
        assertEquals(1, d.recordsDropped());
    }

    @Test
    void timestampsAreUnsigned32Bit() throws Exception {
        byte[] file = new Aedat20Builder().record(address(1, 1, 1), 0x7FFFFFFF).record(address(1, 1, 1), 0x80000000)
                .record(address(1, 1, 1), 0xFFFFFFFF).bytes();
        DecodedEvents d = Aedat20Reader.read(SOURCE, file, DvsAddressConvention.JAER);
        assertEvents(d.events(), new long[] {2147483647L, 2147483648L, 4294967295L}, new int[] {1, 1, 1},
                new int[] {126, 126, 126}, new int[] {1, 1, 1});
    }

    @Test
    void headerOnlyFileHoldsNoEvents() throws Exception {
        // "\n" line ends and tabs are fine in header lines.
        byte[] file = new Aedat20Builder("#!AER-DAT2.0\n#\tcomment\n").bytes();
        DecodedEvents d = Aedat20Reader.read(SOURCE, file, DvsAddressConvention.SPIKINGJELLY);
        assertEquals(0, d.events().size());
        assertEquals(0, d.recordsRead());
    }

    @Test
    void dataStartingWithHashIsNotTakenForAHeaderLine() {
        // 0x23 = '#' followed by a NUL: not a printable line, so the data starts at 35, where a
        // naive reader would have skipped to the 0x0A byte. The address is then no DVS128 address.
        byte[] file = new Aedat20Builder().raw(0x23, 0, 0, 0x0A, 0, 0, 0, 5).bytes();
        assertMalformed(SOURCE, HEADER_LENGTH, () -> Aedat20Reader.read(SOURCE, file, DvsAddressConvention.JAER),
                "address 0x2300000A has bits 16-31 set", "expected a 16-bit jAER DVS128 address");
    }

    @Test
    void headerLineWithNonAsciiBytesIsData() {
        // "# 1 \xB5s\r\n" (8 bytes at 14) is not printable ASCII, so data starts at 14: 8 bytes make one
        // record whose address 0x23203120 has high bits set.
        byte[] file = new Aedat20Builder("#!AER-DAT2.0\r\n# 1 \u00B5s\r\n").bytes();
        assertMalformed(SOURCE, 14, () -> Aedat20Reader.read(SOURCE, file, DvsAddressConvention.JAER),
                "address 0x23203120 has bits 16-31 set");
    }

    // ---- rejected inputs ----

    @Test
    void emptyFile() {
        assertMalformed(SOURCE, 0, () -> Aedat20Reader.read(SOURCE, new byte[0], DvsAddressConvention.JAER),
                "empty file", "expected a #!AER-DAT2.0 header line");
    }

    @Test
    void missingOrWrongHeader() {
        byte[] v31 = new Aedat31Builder().bytes();
        assertMalformed(SOURCE, 0, () -> Aedat20Reader.read(SOURCE, v31, DvsAddressConvention.JAER),
                "found \"#!AER-DAT3.1\\x0D\\x0A#Format: ", "expected #!AER-DAT2.0 header");
        byte[] headerless = new Aedat20Builder("").record(address(1, 1, 1), 1).bytes();
        assertMalformed(SOURCE, 0, () -> Aedat20Reader.read(SOURCE, headerless, DvsAddressConvention.JAER),
                "found \"\\x00\\x00\\x01\\x03\\x00\\x00\\x00\\x01\"", "expected #!AER-DAT2.0 header");
    }

    @Test
    void trailingPartialRecord() {
        byte[] file = new Aedat20Builder().record(address(1, 1, 1), 1).raw(0, 0, 2).bytes();
        assertMalformed(SOURCE, HEADER_LENGTH + 8, () -> Aedat20Reader.read(SOURCE, file, DvsAddressConvention.JAER),
                "trailing partial record: 3 bytes left", "expected 8-byte records", "header at byte 35");
    }

    @Test
    void timestampsGoingBackwards() {
        byte[] file = new Aedat20Builder().record(address(1, 1, 1), 300).record(address(2, 2, 0), 299).bytes();
        assertMalformed(SOURCE, HEADER_LENGTH + 8,
                () -> Aedat20Reader.read(SOURCE, file, DvsAddressConvention.SPIKINGJELLY),
                "timestamp 299 us is before the previous event's 300 us", "expected non-decreasing timestamps");
    }

    @Test
    void addressWithHighBitsSet() {
        // A DAVIS-style address: bit 31 set.
        byte[] file = new Aedat20Builder().record(address(1, 1, 1), 1).record(0x80000000 | address(1, 1, 1), 2).bytes();
        assertMalformed(SOURCE, HEADER_LENGTH + 8, () -> Aedat20Reader.read(SOURCE, file, DvsAddressConvention.JAER),
                "address 0x80000103 has bits 16-31 set", "expected a 16-bit jAER DVS128 address");
    }

    @Test
    void conventionNamesParse() {
        assertEquals(DvsAddressConvention.SPIKINGJELLY, DvsAddressConvention.parse("spikingjelly"));
        assertEquals(DvsAddressConvention.SPIKINGJELLY, DvsAddressConvention.parse("SpikingJelly"));
        assertEquals(DvsAddressConvention.JAER, DvsAddressConvention.parse("jaer"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DvsAddressConvention.parse("tonic"));
        assertTrue(e.getMessage().contains("\"tonic\"") && e.getMessage().contains("expected \"spikingjelly\" or \"jaer\""),
                e.getMessage());
    }
}
