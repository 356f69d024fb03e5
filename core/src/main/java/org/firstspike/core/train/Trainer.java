package org.firstspike.core.train;

import java.util.ArrayList;
import java.util.List;
import org.firstspike.core.data.SampleSet;
import org.firstspike.core.metrics.MetricsAccumulator;
import org.firstspike.core.net.Network;

/**
 * Single-process minibatch training: seeded shuffling per epoch, surrogate-gradient BPTT, the optimizer with a
 * warm-up + cosine schedule indexed by global step, and a test evaluation at each epoch end.
 */
public final class Trainer {
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    private final Network net;
    private final TrainConfig cfg;
    private final Optimizer optimizer;

    public Trainer(Network net, TrainConfig cfg) {
        this.net = net;
        this.cfg = cfg;
        this.optimizer = Optimizer.create(cfg.optimizer(), net.parameters(), cfg.momentum(), cfg.weightDecay());
    }

    public Optimizer optimizer() { return optimizer; }

    public static LearningRateSchedule schedule(TrainConfig cfg, int trainSize) {
        long perEpoch = (trainSize + cfg.batchSize() - 1) / cfg.batchSize();
        long total = perEpoch * cfg.epochs();
        return cfg.schedule(total);
    }

    public List<EpochReport> fit(SampleSet train, SampleSet test, TrainingListener listener) {
        // epoch 0: the untrained network, where signal fading across depth shows
        listener.epochEnd(new EpochReport(0, Double.NaN, Double.NaN,
                Evaluator.evaluate(net, test, cfg.evalBatchSize(), cfg.engine()), Double.NaN, 0, 0));
        return fitEpochs(train, test, 1, cfg.epochs(), listener);
    }

    /**
     * Trains epochs {@code first .. last} (1-based, inclusive) of the {@code train.epochs}-epoch run, so a run can be
     * continued in pieces (a sweep's surviving trials): the network and {@link #optimizer()} must hold the state after
     * epoch {@code first - 1} (restored with {@link TrainingState#applyTo}). Shuffles and learning rates depend only on
     * the epoch and the global step, so the pieces take exactly the steps of one whole run.
     */
    public List<EpochReport> fitEpochs(SampleSet train, SampleSet test, int first, int last, TrainingListener listener) {
        int len = net.sampleLength();
        if (train.sampleLength() != len)
            throw new IllegalArgumentException("training samples have " + train.sampleLength() + " values, the model expects " + len);
        long perEpoch = (train.size() + cfg.batchSize() - 1) / cfg.batchSize();
        if (first < 1 || last > cfg.epochs() || optimizer.steps() != (first - 1) * perEpoch)
            throw new IllegalStateException("cannot train epochs " + first + ".." + last + " of " + cfg.epochs()
                    + " from optimizer step " + optimizer.steps());
        LearningRateSchedule lr = schedule(cfg, train.size());
        long totalSteps = perEpoch * cfg.epochs();
        MinibatchStep step = new MinibatchStep(net, optimizer, lr, cfg, 0);
        List<EpochReport> reports = new ArrayList<>();
        for (int epoch = first; epoch <= last; epoch++) {
            long epochStart = System.nanoTime();
            long lastReport = epochStart;
            int[] order = Shuffle.permutation(train.size(), cfg.seed(), epoch);
            MetricsAccumulator acc = new MetricsAccumulator(net.neuronsPerLayer(), net.config().classes());
            String where = "epoch " + epoch;
            for (int from = 0; from < order.length; from += cfg.batchSize()) {
                step.run(train, order, from, acc, where);
                long now = System.nanoTime();
                if (now - lastReport > PROGRESS_NANOS) {
                    lastReport = now;
                    double elapsed = (now - epochStart) / 1e9;
                    double sps = acc.samples() / elapsed;
                    double remaining = (double) (totalSteps - optimizer.steps()) * cfg.batchSize() / sps;
                    listener.progress(epoch, optimizer.steps(), totalSteps, acc.meanLoss(), acc.accuracy(), sps, remaining);
                }
            }
            long trainEnd = System.nanoTime();
            var testResult = Evaluator.evaluate(net, test, cfg.evalBatchSize(), cfg.engine());
            double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
            EpochReport r = new EpochReport(epoch, acc.meanLoss(), acc.accuracy(), testResult,
                    acc.samples() / ((trainEnd - epochStart) / 1e9), epochSeconds, step.lastRate());
            reports.add(r);
            listener.epochEnd(r);
        }
        return reports;
    }
}
