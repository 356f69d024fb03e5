package org.firstspike.prep.io;

import org.firstspike.core.io.MalformedInputException;

/**
 * The ASCII header in front of the binary data of AEDAT 2.0 and 3.1 files: lines starting with
 * {@code '#'}, ending in {@code "\r\n"} (a bare {@code "\n"} is accepted too), the first one naming the
 * format version. The two versions differ in how the header ends, hence one method each.
 */
final class AedatHeader {
    private static final String END_MARKER = "#!END-HEADER";
    /**
     * Longest line an AEDAT 2.0 header may have. Generous, since jAER may write its settings into the
     * header, yet bounded so a data record that happens to start with '#' is not scanned to the end.
     */
    private static final int MAX_V20_LINE = 1 << 16;

    private AedatHeader() {
    }

    /**
     * Offset of the first data byte of an AEDAT 3.x file: the byte after the {@code #!END-HEADER} line.
     * The marker makes the end unambiguous, so lines are only required to start with '#'.
     */
    static int endV31(String source, byte[] content, String magic) throws MalformedInputException {
        int at = afterMagic(source, content, magic);
        while (true) {
            if (at < content.length && content[at] != '#') {
                throw new MalformedInputException(source, at, "found " + quote(content, at)
                        + " in the header; expected a '#' header line or " + END_MARKER);
            }
            int end = lineEnd(content, at, content.length);
            if (end < 0) {
                throw new MalformedInputException(source, content.length, "file ends inside the header; expected a "
                        + END_MARKER + " line before the binary data");
            }
            if (textEquals(content, at, end, END_MARKER)) {
                return end;
            }
            at = end;
        }
    }

    /**
     * Offset of the first data byte of an AEDAT 2.0 file. That version has no end marker; its data may
     * begin with the byte '#' (0x23), which a naive reader takes for one more header line. So a line
     * counts as header only if it starts with '#', is printable ASCII (tabs allowed) and ends in a line
     * break within {@link #MAX_V20_LINE} bytes; the first line that is not is where the data begins.
     */
    static int endV20(String source, byte[] content, String magic) throws MalformedInputException {
        int at = afterMagic(source, content, magic);
        while (at < content.length && content[at] == '#') {
            int end = printableLineEnd(content, at);
            if (end < 0) {
                break;
            }
            at = end;
        }
        return at;
    }

    /** Checks that the content starts with the line {@code magic}; returns the offset after that line. */
    private static int afterMagic(String source, byte[] content, String magic) throws MalformedInputException {
        if (content.length == 0) {
            throw new MalformedInputException(source, 0, "empty file; expected a " + magic + " header line");
        }
        int end = lineEnd(content, 0, Math.min(content.length, magic.length() + 2));
        if (end < 0 || !textEquals(content, 0, end, magic)) {
            throw new MalformedInputException(source, 0, "found " + quote(content, 0) + "; expected " + magic
                    + " header line");
        }
        return end;
    }

    /** Offset after the '\n' ending the line that starts at {@code from}, searching below {@code limit}; -1 if none. */
    private static int lineEnd(byte[] c, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (c[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    /** Like {@link #lineEnd} within {@link #MAX_V20_LINE} bytes, but -1 at the first byte that is not printable ASCII. */
    private static int printableLineEnd(byte[] c, int from) {
        int limit = (int) Math.min(c.length, (long) from + MAX_V20_LINE);
        for (int i = from; i < limit; i++) {
            byte b = c[i];
            if (b == '\n') {
                return i + 1;
            }
            boolean printable = (b >= 0x20 && b < 0x7F) || b == '\t' || (b == '\r' && i + 1 < c.length && c[i + 1] == '\n');
            if (!printable) {
                return -1;
            }
        }
        return -1;
    }

    /** Whether the line [from, end), without its "\r\n" or "\n", is exactly {@code text}. */
    private static boolean textEquals(byte[] c, int from, int end, String text) {
        int stop = end - 1;
        if (stop > from && c[stop - 1] == '\r') {
            stop--;
        }
        if (stop - from != text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (c[from + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Up to 24 bytes from {@code from}, quoted, non-printable bytes as \xNN, for error messages. */
    private static String quote(byte[] c, int from) {
        StringBuilder s = new StringBuilder("\"");
        int to = Math.min(c.length, from + 24);
        for (int i = from; i < to; i++) {
            int b = c[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '"' && b != '\\') {
                s.append((char) b);
            } else {
                s.append(String.format("\\x%02X", b));
            }
        }
        return s.append(to < c.length ? "...\"" : "\"").toString();
    }
}
