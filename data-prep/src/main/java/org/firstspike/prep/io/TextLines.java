package org.firstspike.prep.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A small text file (label CSV, trial list) split into lines that remember where they start, for error messages. */
final class TextLines {

    /** One line without its "\n" or "\r\n"; {@code number} is 1-based, {@code offset} the byte where it starts. */
    record Line(int number, int offset, String text) {
    }

    private TextLines() {
    }

    static List<Line> split(byte[] content) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start < content.length) {
            int end = start;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            int stop = end > start && content[end - 1] == '\r' ? end - 1 : end;
            lines.add(new Line(lines.size() + 1, start, new String(content, start, stop - start, StandardCharsets.UTF_8)));
            start = end + 1;
        }
        return lines;
    }
}
