package org.firstspike.core.exec;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs element-wise loops of the engine on the process's compute threads (the same number as BLAS threads).
 * Ranges are split into contiguous chunks and every chunk writes disjoint outputs (or returns a count that is
 * summed), so results do not depend on how the range was split, hence not on the thread count. One thread (a Spark task's core) runs everything on the caller.
 */
public final class Workers {
    private static final int MIN_CHUNK = 1024;
    private static volatile ForkJoinPool pool;
    private static volatile int threads = 1;

    private Workers() {}

    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    @FunctionalInterface
    public interface CountingRange {
        long run(int from, int to);
    }

    public static synchronized void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be >= 1, got " + n);
        if (n == threads) return;
        if (pool != null) pool.shutdown();
        pool = n > 1 ? new ForkJoinPool(n, p -> {
            var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setDaemon(true);
            t.setName("firstspike-worker-" + t.getPoolIndex());
            return t;
        }, null, false) : null;
        threads = n;
    }

    /** Runs {@code body} over [0, n) in contiguous chunks, in parallel when there is enough work. */
    public static void forRange(int n, int costPerItem, Range body) {
        count(n, costPerItem, (from, to) -> {
            body.run(from, to);
            return 0;
        });
    }

    /** As {@link #forRange}, summing the counts the chunks return. */
    public static long count(int n, int costPerItem, CountingRange body) {
        ForkJoinPool p = pool;
        int chunks = p == null ? 1 : (int) Math.min(threads * 4L, Math.max(1L, (long) n * Math.max(1, costPerItem) / MIN_CHUNK));
        if (chunks <= 1) return body.run(0, n);
        long[] counts = new long[chunks];
        AtomicInteger next = new AtomicInteger();
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[threads];
        for (int w = 0; w < threads; w++) {
            final int nChunks = chunks;
            tasks[w] = p.submit(() -> {
                int c;
                while ((c = next.getAndIncrement()) < nChunks) {
                    int from = (int) ((long) n * c / nChunks);
                    int to = (int) ((long) n * (c + 1) / nChunks);
                    counts[c] = body.run(from, to);
                }
            });
        }
        for (ForkJoinTask<?> t : tasks) t.join();
        long sum = 0;
        for (long v : counts) sum += v;
        return sum;
    }
}
