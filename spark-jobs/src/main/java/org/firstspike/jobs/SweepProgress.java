package org.firstspike.jobs;

import java.util.List;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.firstspike.core.cli.Durations;

/**
 * Progress of one rung of a sweep on stderr: a line each time a trial's task succeeds, with the epochs trained so far
 * and the time left at the rate so far. Task i trains the i-th trial, so its epochs are known from the task index.
 */
final class SweepProgress extends SparkListener {
    private final String stage;
    private final List<Integer> epochs;
    private final int totalEpochs;
    private final long start = System.nanoTime();
    private int trials;
    private int epochsDone;

    SweepProgress(String stage, List<Integer> epochs) {
        this.stage = stage;
        this.epochs = epochs;
        this.totalEpochs = epochs.stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        int index = end.taskInfo().index();
        if (end.reason() != Success$.MODULE$ || index >= epochs.size()) return;
        trials++;
        epochsDone += epochs.get(index);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double eta = epochsDone == 0 ? Double.NaN : elapsed * (totalEpochs - epochsDone) / epochsDone;
        System.err.printf("sweep: %s: %d/%d trials, %d/%d epochs, %s elapsed, ETA %s%n", stage, trials, epochs.size(),
                epochsDone, totalEpochs, Durations.format(elapsed), trials == epochs.size() ? "0s" : Durations.format(eta));
    }
}
