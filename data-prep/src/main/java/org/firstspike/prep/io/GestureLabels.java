package org.firstspike.prep.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.firstspike.core.io.MalformedInputException;
import org.firstspike.prep.event.Events;
import org.firstspike.prep.event.GestureClass;
import org.firstspike.prep.event.GestureSegment;

/**
 * Reads the DVS128 Gesture {@code userNN_<lighting>_labels.csv} files: a header
 * {@code class,startTime_usec,endTime_usec}, then one row per gesture with class 1..11 and its time range
 * in the recording's microsecond clock.
 *
 * <p>Tolerated: "\r\n" line ends, spaces around fields, blank lines at the end. Everything else that is
 * off (a blank line between rows, a missing field, a class outside 1..11, {@code start >= end}) fails,
 * naming the line. Overlapping segments and repeated classes are accepted: the official files contain
 * both (user22_led, user26_fluorescent), and cutting each segment separately handles them.
 */
public final class GestureLabels {
    private static final String[] COLUMNS = {"class", "startTime_usec", "endTime_usec"};
    private static final String HEADER = String.join(",", COLUMNS);
    private static final int CLASSES = 11;

    private GestureLabels() {
    }

    /**
     * Parses a labels CSV into its segments, in file order.
     *
     * @param source name of the file for messages (local path or filesystem URI)
     * @throws MalformedInputException naming the byte offset and 1-based line of the first bad line, or
     *                                 if the file has no header or no rows
     */
    public static List<GestureLabelRow> parse(String source, byte[] csv) throws MalformedInputException {
        List<TextLines.Line> lines = TextLines.split(csv);
        int last = lines.size();
        while (last > 0 && lines.get(last - 1).text().isBlank()) {
            last--;
        }
        if (last == 0) {
            throw new MalformedInputException(source, 0, "no header line; expected " + HEADER);
        }
        TextLines.Line header = lines.get(0);
        if (!Arrays.equals(fields(header), COLUMNS)) {
            throw new MalformedInputException(source, header.offset(), "line 1: header \"" + header.text()
                    + "\"; expected " + HEADER);
        }
        if (last == 1) {
            throw new MalformedInputException(source, csv.length, "no segments after the header; expected at least"
                    + " one row " + HEADER);
        }
        List<GestureLabelRow> segments = new ArrayList<>(last - 1);
        for (TextLines.Line line : lines.subList(1, last)) {
            segments.add(segment(source, line));
        }
        return segments;
    }

    /**
     * Checks that every segment lies inside the recording's time range {@code [t_first, t_last + 1)}.
     * Strict on purpose: a segment reaching outside the recording means the labels belong to another
     * file or the recording is cut short, and cutting it anyway would silently yield a partial sample.
     *
     * @param source    name of the labels file, which the exception's offset and line refer to
     * @param recording the decoded events the segments label
     * @throws MalformedInputException at the first segment's line that is outside, or at offset 0 if the
     *                                 recording has no events
     */
    public static void checkWithin(String source, List<GestureLabelRow> segments, Events recording)
            throws MalformedInputException {
        if (recording.size() == 0) {
            throw new MalformedInputException(source, 0, "the recording has no events; expected events spanning the "
                    + segments.size() + " segments labelled in this file");
        }
        long first = recording.t(0);
        long end = recording.t(recording.size() - 1) + 1;
        for (GestureLabelRow row : segments) {
            GestureSegment s = row.segment();
            if (s.startUs() < first || s.endUs() > end) {
                throw new MalformedInputException(source, row.offset(), "line " + row.line() + ": segment [" + s.startUs()
                        + ", " + s.endUs() + ") us of class " + s.gesture().number() + " is not within the recording's time"
                        + " range [" + first + ", " + end + ") us; expected every segment inside the recording");
            }
        }
    }

    private static GestureLabelRow segment(String source, TextLines.Line line) throws MalformedInputException {
        String at = "line " + line.number() + ": ";
        if (line.text().isBlank()) {
            throw new MalformedInputException(source, line.offset(), at + "blank line between rows; expected blank"
                    + " lines only at the end of the file");
        }
        String[] f = fields(line);
        if (f.length != COLUMNS.length) {
            throw new MalformedInputException(source, line.offset(), at + f.length + " fields in \"" + line.text()
                    + "\"; expected " + COLUMNS.length + ": " + HEADER);
        }
        long cls = number(source, line, f[0], COLUMNS[0], "an integer 1.." + CLASSES);
        long start = number(source, line, f[1], COLUMNS[1], "an integer number of microseconds");
        long end = number(source, line, f[2], COLUMNS[2], "an integer number of microseconds");
        if (cls < 1 || cls > CLASSES) {
            throw new MalformedInputException(source, line.offset(), at + "class " + cls + "; expected 1.." + CLASSES);
        }
        if (start < 0) {
            throw new MalformedInputException(source, line.offset(), at + "startTime_usec " + start
                    + "; expected >= 0");
        }
        if (start >= end) {
            throw new MalformedInputException(source, line.offset(), at + "segment [" + start + ", " + end
                    + ") is empty or reversed; expected startTime_usec < endTime_usec");
        }
        return new GestureLabelRow(new GestureSegment(GestureClass.values()[(int) cls - 1], start, end), line.number(), line.offset());
    }

    private static long number(String source, TextLines.Line line, String field, String column, String expected)
            throws MalformedInputException {
        try {
            return Long.parseLong(field);
        } catch (NumberFormatException e) {
            throw new MalformedInputException(source, line.offset(), "line " + line.number() + ": " + column + " \""
                    + field + "\" is not an integer; expected " + expected);
        }
    }

    private static String[] fields(TextLines.Line line) {
        String[] f = line.text().split(",", -1);
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].trim();
        }
        return f;
    }
}
