package org.firstspike.prep.io;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.firstspike.prep.event.GestureClass;
import org.firstspike.prep.event.GestureSegment;

/**
 * The text files of the IBM DVS128 Gesture dataset, with the CRLF line endings of the originals:
 * {@code userNN_<lighting>_labels.csv} ({@code class,startTime_usec,endTime_usec}, one row per gesture, times in the
 * recording's event clock), {@code trials_to_train.txt} / {@code trials_to_test.txt} (one {@code .aedat} file name per
 * line) and {@code gesture_mapping.csv} ({@code action,label}).
 */
public final class GestureTextWriter {
    private static final String CRLF = "\r\n";

    private GestureTextWriter() {}

    public static byte[] labels(List<GestureSegment> segments) {
        StringBuilder s = new StringBuilder("class,startTime_usec,endTime_usec").append(CRLF);
        for (GestureSegment g : segments)
            s.append(g.gesture().number()).append(',').append(g.startUs()).append(',').append(g.endUs()).append(CRLF);
        return ascii(s);
    }

    public static byte[] trialList(List<String> aedatFileNames) {
        StringBuilder s = new StringBuilder();
        for (String name : aedatFileNames) {
            if (!name.endsWith(".aedat") || name.contains("/") || name.contains("\\"))
                throw new IllegalArgumentException("trial '" + name + "': expected a bare userNN_<lighting>.aedat file name");
            s.append(name).append(CRLF);
        }
        return ascii(s);
    }

    public static byte[] mapping() {
        StringBuilder s = new StringBuilder("action,label").append(CRLF);
        for (GestureClass g : GestureClass.values()) s.append(g.actionName()).append(',').append(g.number()).append(CRLF);
        return ascii(s);
    }

    private static byte[] ascii(StringBuilder s) {
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
