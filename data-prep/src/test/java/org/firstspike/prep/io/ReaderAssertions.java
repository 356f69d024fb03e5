package org.firstspike.prep.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.firstspike.core.io.MalformedInputException;
import org.firstspike.prep.event.Events;

/** Assertions shared by the reader tests. */
final class ReaderAssertions {

    @FunctionalInterface
    interface Read {
        void run() throws Exception;
    }

    private ReaderAssertions() {
    }

    /** Asserts a MalformedInputException naming {@code source} at {@code offset} whose message holds every fragment. */
    static MalformedInputException assertMalformed(String source, long offset, Read read, String... fragments) {
        MalformedInputException e = assertThrows(MalformedInputException.class, read::run);
        assertEquals(source, e.source(), e.getMessage());
        assertEquals(offset, e.offset(), e.getMessage());
        assertTrue(e.getMessage().startsWith(source + ": at byte " + offset + ": "), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.what().contains(f), () -> "expected \"" + f + "\" in: " + e.getMessage());
        }
        return e;
    }

    /** Asserts the events are exactly these, in this order. */
    static void assertEvents(Events events, long[] t, int[] x, int[] y, int[] p) {
        int n = events.size();
        assertEquals(t.length, n, "event count");
        assertArrayEquals(t, Arrays.copyOf(events.times(), n), "t");
        int[] xs = new int[n];
        int[] ys = new int[n];
        int[] ps = new int[n];
        for (int i = 0; i < n; i++) {
            xs[i] = events.x(i);
            ys[i] = events.y(i);
            ps[i] = events.p(i);
        }
        assertArrayEquals(x, xs, "x");
        assertArrayEquals(y, ys, "y");
        assertArrayEquals(p, ps, "p");
    }
}
