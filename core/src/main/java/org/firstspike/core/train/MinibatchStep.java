package org.firstspike.core.train;

import java.util.Arrays;
import org.firstspike.core.data.SampleSet;
import org.firstspike.core.metrics.MetricsAccumulator;
import org.firstspike.core.net.BatchOutput;
import org.firstspike.core.net.Network;

/**
 * One optimizer step on one minibatch: assemble the batch, forward (noise keyed by seed, stream and global step),
 * stop on a non-finite loss, backward, update with the learning rate of the optimizer's global step, then the
 * network's post-step rule (B1 window growth). Shared by the local trainer and the distributed workers, so both take
 * exactly the same steps.
 */
public final class MinibatchStep {
    private final Network net;
    private final Optimizer optimizer;
    private final LearningRateSchedule lr;
    private final TrainConfig cfg;
    private final long noiseStream;
    private final float[] samples;
    private final int[] labels;
    private double lastRate;

    /** {@code noiseStream} tells apart workers that take the same global steps (the partition; 0 for local training). */
    public MinibatchStep(Network net, Optimizer optimizer, LearningRateSchedule lr, TrainConfig cfg, long noiseStream) {
        this.net = net;
        this.noiseStream = noiseStream;
        this.optimizer = optimizer;
        this.lr = lr;
        this.cfg = cfg;
        this.samples = new float[cfg.batchSize() * net.sampleLength()];
        this.labels = new int[cfg.batchSize()];
    }

    /** Trains on samples {@code order[from .. from + batch)} (fewer at the end of {@code order}); adds to {@code acc}. */
    public void run(SampleSet data, int[] order, int from, MetricsAccumulator acc, String where) {
        int len = net.sampleLength();
        int n = Batches.fill(data, order, from, cfg.batchSize(), samples, labels);
        float[] x = n == cfg.batchSize() ? samples : Arrays.copyOf(samples, n * len);
        int[] y = n == cfg.batchSize() ? labels : Arrays.copyOf(labels, n);
        net.zeroGrad();
        net.noiseKey(NoiseKeys.of(cfg.seed(), noiseStream, optimizer.steps()));
        BatchOutput out = net.forward(x, n, y, cfg.engine());
        if (!Double.isFinite(out.loss()))
            throw new IllegalStateException("loss became " + out.loss() + " at " + where + ", step " + (optimizer.steps() + 1)
                    + ": lower train.lr or check the input data");
        net.backward();
        lastRate = lr.at(optimizer.steps());
        optimizer.step(lastRate);
        net.afterStep();
        acc.add(out, y, n);
    }

    /** Learning rate of the last step taken. */
    public double lastRate() {
        return lastRate;
    }
}
