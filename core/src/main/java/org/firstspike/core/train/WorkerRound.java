package org.firstspike.core.train;

import org.firstspike.core.data.SampleSet;
import org.firstspike.core.metrics.MetricsAccumulator;
import org.firstspike.core.net.Network;

/**
 * One worker's share of an averaging round: start from the broadcast state, train this partition's minibatches of
 * the round in its epoch order, and return the contribution to the round's sum. Deterministic in (state, data, plan,
 * round, partition, seed), so a retried task returns exactly what the first attempt would have (apart from its
 * compute time, a statistic that never enters the parameters).
 */
public final class WorkerRound {
    private WorkerRound() {}

    public static double[] run(Network net, Optimizer optimizer, TrainConfig cfg, AveragingPlan plan, TrainingState start,
                               SampleSet partitionData, int partition, int round) {
        if (partitionData.size() != plan.partitionSizes()[partition])
            throw new IllegalStateException("partition " + partition + " holds " + partitionData.size() + " samples; the plan expects "
                    + plan.partitionSizes()[partition]);
        long t0 = System.nanoTime();
        start.applyTo(net, optimizer);
        MinibatchStep step = new MinibatchStep(net, optimizer, plan.schedule(cfg), cfg, partition);
        MetricsAccumulator acc = new MetricsAccumulator(net.neuronsPerLayer(), net.config().classes());
        int epoch = plan.epochOf(round);
        int[] order = plan.order(cfg.seed(), partition, epoch);
        int first = plan.firstBatch(round);
        int last = Math.min(first + plan.stepsIn(round), plan.batches(partition));
        String where = "round " + (round + 1) + " (epoch " + epoch + "), partition " + partition;
        for (int b = first; b < last; b++) step.run(partitionData, order, b * cfg.batchSize(), acc, where);
        return TrainingState.contribution(net, optimizer, acc, (System.nanoTime() - t0) / 1e9);
    }
}
