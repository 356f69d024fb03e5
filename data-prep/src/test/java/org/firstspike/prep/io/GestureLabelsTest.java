package org.firstspike.prep.io;

import static org.firstspike.prep.io.ReaderAssertions.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.firstspike.prep.event.Events;
import org.firstspike.prep.event.GestureClass;
import org.firstspike.prep.event.GestureSegment;
import org.junit.jupiter.api.Test;

/** GestureLabels parsing of hand-written label CSVs and its range check against a recording. */
class GestureLabelsTest {

    private static final String SOURCE = "/data/DvsGesture/user01_fluorescent_labels.csv";
    /** "class,startTime_usec,endTime_usec\r\n" is 35 bytes; the first row starts there. */
    private static final String HEADER = "class,startTime_usec,endTime_usec\r\n";

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static List<GestureLabelRow> parse(String text) throws Exception {
        return GestureLabels.parse(SOURCE, csv(text));
    }

    /** A recording with events at the given times (all at pixel 0,0, ON). */
    private static Events recording(long... t) {
        return new Events(t, new short[t.length], new short[t.length], new byte[t.length], t.length);
    }

    @Test
    void parsesRowsWithSpacesAndTrailingBlankLines() throws Exception {
        // The spaced header is 39 bytes, so rows start at 39 and 39 + 11 = 50.
        List<GestureLabelRow> s = parse(" class , startTime_usec,endTime_usec \r\n1,100,200\r\n 11 , 300 , 400 \r\n\r\n\n");
        assertEquals(List.of(row(0, 100, 200, 2, 39), row(10, 300, 400, 3, 50)), s);
        List<GestureLabelRow> plain = parse(HEADER + "1,100,200\n2,150,250");
        assertEquals(List.of(row(0, 100, 200, 2, 35), row(1, 150, 250, 3, 45)), plain);
    }

    @Test
    void overlappingAndRepeatedClassesAreAccepted() throws Exception {
        List<GestureLabelRow> s = parse(HEADER + "9,100,300\r\n10,200,400\r\n9,500,600\r\n");
        assertEquals(3, s.size());
        assertEquals(8, s.get(2).label());
    }

    @Test
    void emptyFile() {
        assertMalformed(SOURCE, 0, () -> parse(""), "no header line", "expected class,startTime_usec,endTime_usec");
        assertMalformed(SOURCE, 0, () -> parse("\r\n\r\n"), "no header line");
    }

    @Test
    void wrongHeader() {
        assertMalformed(SOURCE, 0, () -> parse("class,start,end\r\n1,1,2\r\n"), "line 1: header \"class,start,end\"",
                "expected class,startTime_usec,endTime_usec");
        // A file without header: its first row is reported.
        assertMalformed(SOURCE, 0, () -> parse("1,100,200\r\n"), "line 1: header \"1,100,200\"");
    }

    @Test
    void headerWithoutRows() {
        assertMalformed(SOURCE, 37, () -> parse(HEADER + "\r\n"), "no segments after the header",
                "expected at least one row");
    }

    @Test
    void wrongFieldCount() {
        assertMalformed(SOURCE, 46, () -> parse(HEADER + "1,100,200\r\n2,300\r\n"), "line 3: 2 fields in \"2,300\"",
                "expected 3: class,startTime_usec,endTime_usec");
        assertMalformed(SOURCE, 35, () -> parse(HEADER + "1,100,200,7\r\n"), "line 2: 4 fields");
    }

    @Test
    void classOutOfRange() {
        assertMalformed(SOURCE, 35, () -> parse(HEADER + "0,100,200\r\n"), "line 2: class 0", "expected 1..11");
        assertMalformed(SOURCE, 46, () -> parse(HEADER + "1,100,200\r\n12,300,400\r\n"), "line 3: class 12",
                "expected 1..11");
    }

    @Test
    void notANumber() {
        assertMalformed(SOURCE, 35, () -> parse(HEADER + "one,100,200\r\n"), "line 2: class \"one\" is not an integer",
                "expected an integer 1..11");
        assertMalformed(SOURCE, 35, () -> parse(HEADER + "1,1.5e6,200\r\n"),
                "line 2: startTime_usec \"1.5e6\" is not an integer", "expected an integer number of microseconds");
        assertMalformed(SOURCE, 35, () -> parse(HEADER + "1,100,\r\n"), "line 2: endTime_usec \"\" is not an integer");
    }

    @Test
    void emptyOrReversedSegment() {
        assertMalformed(SOURCE, 35, () -> parse(HEADER + "3,500,500\r\n"), "line 2: segment [500, 500) is empty or reversed",
                "expected startTime_usec < endTime_usec");
        assertMalformed(SOURCE, 35, () -> parse(HEADER + "3,600,500\r\n"), "segment [600, 500)");
        assertMalformed(SOURCE, 35, () -> parse(HEADER + "3,-5,500\r\n"), "line 2: startTime_usec -5", "expected >= 0");
    }

    @Test
    void blankLineBetweenRows() {
        assertMalformed(SOURCE, 46, () -> parse(HEADER + "1,100,200\r\n\r\n2,300,400\r\n"),
                "line 3: blank line between rows", "expected blank lines only at the end");
    }

    // ---- checkWithin ----

    @Test
    void segmentsInsideTheRecordingPass() throws Exception {
        List<GestureLabelRow> s = parse(HEADER + "1,100,200\r\n2,150,301\r\n");
        // Range [100, 301): the end may be one past the last event, as the cut is half-open.
        GestureLabels.checkWithin(SOURCE, s, recording(100, 250, 300));
    }

    @Test
    void segmentOutsideTheRecording() throws Exception {
        List<GestureLabelRow> s = parse(HEADER + "1,100,200\r\n2,150,302\r\n");
        assertMalformed(SOURCE, 46, () -> GestureLabels.checkWithin(SOURCE, s, recording(100, 250, 300)),
                "line 3: segment [150, 302) us of class 2 is not within the recording's time range [100, 301) us",
                "expected every segment inside the recording");
        List<GestureLabelRow> early = parse(HEADER + "4,99,200\r\n");
        assertMalformed(SOURCE, 35, () -> GestureLabels.checkWithin(SOURCE, early, recording(100, 300)),
                "line 2: segment [99, 200) us of class 4", "time range [100, 301) us");
    }

    @Test
    void recordingWithoutEvents() throws Exception {
        List<GestureLabelRow> s = parse(HEADER + "1,100,200\r\n");
        assertMalformed(SOURCE, 0, () -> GestureLabels.checkWithin(SOURCE, s, Events.empty()),
                "the recording has no events", "expected events spanning the 1 segments");
    }

    @Test
    void rowRecordRejectsImpossibleValues() {
        assertThrows(IllegalArgumentException.class, () -> row(0, 0, 1, 0, 35));
        assertThrows(IllegalArgumentException.class, () -> row(0, 0, 1, 2, -1));
        assertThrows(IllegalArgumentException.class, () -> row(0, 5, 5, 2, 35));
    }

    private static GestureLabelRow row(int label, long start, long end, int line, int offset) {
        return new GestureLabelRow(new GestureSegment(GestureClass.values()[label], start, end), line, offset);
    }
}
