package org.firstspike.core.train;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The round structure of data-parallel training by parameter averaging. Each of W partitions is shuffled per epoch
 * from (seed, partition, epoch); an epoch is one pass over every partition, cut into rounds of at most
 * {@code frequency} minibatches per worker; after each round the workers' parameters and optimizer states are
 * averaged. Partitions are balanced (sizes differ by at most one), so at most the last round of an epoch can see a
 * worker with one minibatch fewer. The learning rate follows the global step = optimizer steps of the longest
 * partition, so a run with W workers walks the same schedule per epoch as its longest partition.
 */
public record AveragingPlan(int[] partitionSizes, int batchSize, int frequency, int epochs) implements Serializable {

    public AveragingPlan {
        if (partitionSizes.length == 0) throw new IllegalArgumentException("no partitions");
        for (int s : partitionSizes) if (s <= 0) throw new IllegalArgumentException("empty partition in " + Arrays.toString(partitionSizes));
        if (batchSize < 1 || frequency < 1 || epochs < 1)
            throw new IllegalArgumentException("batch " + batchSize + ", frequency " + frequency + ", epochs " + epochs + ": expected >= 1");
        partitionSizes = partitionSizes.clone();
    }

    public int workers() {
        return partitionSizes.length;
    }

    public int batches(int partition) {
        return (partitionSizes[partition] + batchSize - 1) / batchSize;
    }

    /** Minibatches of the longest partition: optimizer steps per epoch. */
    public int stepsPerEpoch() {
        int m = 0;
        for (int p = 0; p < partitionSizes.length; p++) m = Math.max(m, batches(p));
        return m;
    }

    public int roundsPerEpoch() {
        return (stepsPerEpoch() + frequency - 1) / frequency;
    }

    public int totalRounds() {
        return roundsPerEpoch() * epochs;
    }

    /** 1-based epoch of round {@code round} (0-based). */
    public int epochOf(int round) {
        return round / roundsPerEpoch() + 1;
    }

    /** First minibatch of the epoch that round {@code round} trains. */
    public int firstBatch(int round) {
        return (round % roundsPerEpoch()) * frequency;
    }

    /** Optimizer steps the longest partition takes in round {@code round}. */
    public int stepsIn(int round) {
        return Math.min(frequency, stepsPerEpoch() - firstBatch(round));
    }

    public boolean endsEpoch(int round) {
        return (round + 1) % roundsPerEpoch() == 0;
    }

    /** The learning-rate schedule over the global step. */
    public LearningRateSchedule schedule(TrainConfig cfg) {
        long total = (long) stepsPerEpoch() * epochs;
        return cfg.schedule(total);
    }

    /**
     * Sample order of a partition in an epoch, a function of (seed, partition, epoch) only; partition 0 uses the local
     * trainer's order, so one worker retraces {@link Trainer} step for step.
     */
    public int[] order(long seed, int partition, int epoch) {
        return Shuffle.permutation(partitionSizes[partition], seed + partition * 0x2545F4914F6CDD1DL, epoch);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AveragingPlan p && Arrays.equals(partitionSizes, p.partitionSizes) && batchSize == p.batchSize
                && frequency == p.frequency && epochs == p.epochs;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(partitionSizes) * 31 + batchSize * 7 + frequency * 3 + epochs;
    }

    @Override
    public String toString() {
        return "AveragingPlan[" + partitionSizes.length + " partitions " + Arrays.toString(partitionSizes) + ", batch "
                + batchSize + ", " + frequency + " minibatches per round, " + epochs + " epochs]";
    }
}
