package org.firstspike.prep.cli;

import java.util.concurrent.TimeUnit;
import org.firstspike.core.cli.Durations;

/** Progress lines on stderr while units finish on several threads: at most one every few seconds, plus the last. */
final class Progress {
    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(3);
    private final String unitName;
    private final int total;
    private final long start = System.nanoTime();
    private long lastPrint = start;
    private int done;
    private long events;

    Progress(String unitName, int total) {
        this.unitName = unitName;
        this.total = total;
    }

    synchronized void unitDone(long unitEvents) {
        done++;
        events += unitEvents;
        long now = System.nanoTime();
        if (now - lastPrint < INTERVAL_NANOS && done < total) return;
        lastPrint = now;
        double seconds = (now - start) / 1e9;
        double rate = done / seconds;
        System.err.printf("synth-events: %,d/%,d %s (%.1f%%)  %,d events  %,.1f %s/s  %,.0f events/s  ETA %s%n", done, total,
                unitName, 100.0 * done / total, events, rate, unitName, events / seconds, Durations.format((total - done) / rate));
    }
}
