package org.firstspike.prep.job;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.firstspike.core.cli.Durations;

/** Prints finished tasks, input throughput and an ETA to stderr, at most every two seconds. */
final class TaskProgress extends SparkListener {
    private final String label;
    private final int tasks;
    private final long totalBytes;
    private final long start = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private volatile long lastPrint;
    private final java.util.concurrent.atomic.AtomicLong runMillis = new java.util.concurrent.atomic.AtomicLong();

    TaskProgress(String label, int tasks, long totalBytes) {
        this.label = label;
        this.tasks = tasks;
        this.totalBytes = totalBytes;
    }

    /** Executor run time of the successful tasks so far, summed over tasks. */
    long taskMillis() {
        return runMillis.get();
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (!"Success".equals(end.reason().toString())) return;
        if (end.taskMetrics() != null) runMillis.addAndGet(end.taskMetrics().executorRunTime());
        int d = done.incrementAndGet();
        long now = System.nanoTime();
        if (d < tasks && now - lastPrint < 2_000_000_000L) return;
        lastPrint = now;
        double seconds = (now - start) / 1e9;
        double fraction = (double) d / tasks;
        System.err.printf("%s: %d/%d tasks, ~%.0f MB/s input, ETA %s%n", label, d, tasks,
                totalBytes * fraction / 1e6 / Math.max(seconds, 1e-3), Durations.format(seconds / fraction - seconds));
    }
}
