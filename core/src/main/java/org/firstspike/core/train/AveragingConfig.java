package org.firstspike.core.train;

import org.firstspike.core.config.Settings;

/**
 * Settings of distributed training by parameter averaging.
 *
 * @param workers          W, data partitions and parallel tasks per round (0 = Spark's default parallelism)
 * @param frequency        minibatches each worker trains between two averagings (DL4J's averagingFrequency, default 5)
 * @param aggregationDepth depth of the treeAggregate that sums the workers' vectors (2, as MLlib uses)
 * @param checkpointEvery  rounds between checkpoints besides the one at every epoch end (0 = epoch ends only)
 */
public record AveragingConfig(int workers, int frequency, int aggregationDepth, int checkpointEvery) {
    public AveragingConfig {
        if (workers < 0) throw new IllegalArgumentException("train.workers must be >= 0 (0 = Spark's default parallelism), got " + workers);
        if (frequency < 1) throw new IllegalArgumentException("train.averagingFrequency must be >= 1, got " + frequency);
        if (aggregationDepth < 1) throw new IllegalArgumentException("train.aggregationDepth must be >= 1, got " + aggregationDepth);
        if (checkpointEvery < 0) throw new IllegalArgumentException("train.checkpointEvery must be >= 0 (0 = epoch ends only), got " + checkpointEvery);
    }

    public static AveragingConfig from(Settings s) {
        return new AveragingConfig(s.getInt("train.workers"), s.getInt("train.averagingFrequency"), s.getInt("train.aggregationDepth"),
                s.getInt("train.checkpointEvery"));
    }
}
