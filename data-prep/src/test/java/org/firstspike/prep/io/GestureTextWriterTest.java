package org.firstspike.prep.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.firstspike.prep.event.GestureClass;
import org.firstspike.prep.event.GestureSegment;
import org.junit.jupiter.api.Test;

class GestureTextWriterTest {
    private static String text(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    @Test
    void labelsCsvHasTheOriginalHeaderClassNumbersAndCrlf() {
        byte[] csv = GestureTextWriter.labels(List.of(new GestureSegment(GestureClass.HAND_CLAPPING, 80048239, 85092709),
                new GestureSegment(GestureClass.OTHER_GESTURES, 90000000, 96000000)));
        assertEquals("class,startTime_usec,endTime_usec\r\n1,80048239,85092709\r\n11,90000000,96000000\r\n", text(csv));
    }

    @Test
    void trialListAndMapping() {
        assertEquals("user01_fluorescent.aedat\r\nuser01_led.aedat\r\n",
                text(GestureTextWriter.trialList(List.of("user01_fluorescent.aedat", "user01_led.aedat"))));
        assertThrows(IllegalArgumentException.class, () -> GestureTextWriter.trialList(List.of("dir/user01_led.aedat")));
        String mapping = text(GestureTextWriter.mapping());
        assertTrue(mapping.startsWith("action,label\r\nhand_clapping,1\r\nright_hand_wave,2\r\n"), mapping);
        assertTrue(mapping.endsWith("air_guitar,10\r\nother_gestures,11\r\n"), mapping);
    }
}
