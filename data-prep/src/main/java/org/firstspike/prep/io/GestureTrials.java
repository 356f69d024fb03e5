package org.firstspike.prep.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.firstspike.core.io.MalformedInputException;

/**
 * Reads the DVS128 Gesture split files {@code trials_to_train.txt} / {@code trials_to_test.txt}: one
 * recording file name per line. Names are trimmed and blank lines skipped; a name not ending in
 * {@code .aedat}, a name listed twice (it would be trained on twice) or a list with no names fails.
 */
public final class GestureTrials {
    private static final String SUFFIX = ".aedat";

    private GestureTrials() {
    }

    /**
     * The trial file names in file order.
     *
     * @param source name of the file for messages (local path or filesystem URI)
     * @throws MalformedInputException naming the byte offset and 1-based line of the first bad line
     */
    public static List<String> parse(String source, byte[] text) throws MalformedInputException {
        List<String> trials = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (TextLines.Line line : TextLines.split(text)) {
            String name = line.text().trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!name.endsWith(SUFFIX)) {
                throw new MalformedInputException(source, line.offset(), "line " + line.number() + ": \"" + name
                        + "\"; expected a recording file name ending in " + SUFFIX);
            }
            Integer first = lineOf.putIfAbsent(name, line.number());
            if (first != null) {
                throw new MalformedInputException(source, line.offset(), "line " + line.number() + ": " + name
                        + " is listed again (first on line " + first + "); expected each trial once");
            }
            trials.add(name);
        }
        if (trials.isEmpty()) {
            throw new MalformedInputException(source, 0, "no trial names; expected one " + SUFFIX
                    + " file name per line");
        }
        return List.copyOf(trials);
    }
}
