package org.firstspike.prep.io;

import static org.firstspike.prep.io.ReaderAssertions.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GestureTrials on hand-written trial lists. */
class GestureTrialsTest {

    private static final String SOURCE = "/data/DvsGesture/trials_to_train.txt";

    private static List<String> parse(String text) throws Exception {
        return GestureTrials.parse(SOURCE, text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void namesAreTrimmedAndBlankLinesSkipped() throws Exception {
        assertEquals(List.of("user01_fluorescent.aedat", "user01_lab.aedat", "user02_led.aedat"),
                parse("user01_fluorescent.aedat\r\n  user01_lab.aedat \r\n\r\nuser02_led.aedat\n\n"));
    }

    @Test
    void nameWithoutAedatSuffix() {
        // "user01_fluorescent.aedat\r\n" is 26 bytes; line 2 starts there.
        assertMalformed(SOURCE, 26, () -> parse("user01_fluorescent.aedat\r\nuser01_fluorescent_labels.csv\r\n"),
                "line 2: \"user01_fluorescent_labels.csv\"", "expected a recording file name ending in .aedat");
    }

    @Test
    void duplicateName() {
        assertMalformed(SOURCE, 44, () -> parse("user01_fluorescent.aedat\r\nuser01_lab.aedat\r\n user01_fluorescent.aedat\r\n"),
                "line 3: user01_fluorescent.aedat is listed again (first on line 1)", "expected each trial once");
    }

    @Test
    void noNames() {
        assertMalformed(SOURCE, 0, () -> parse(""), "no trial names", "expected one .aedat file name per line");
        assertMalformed(SOURCE, 0, () -> parse("\r\n  \r\n"), "no trial names");
    }
}
