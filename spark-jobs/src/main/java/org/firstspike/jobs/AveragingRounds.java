package org.firstspike.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.firstspike.core.cli.Durations;
import org.firstspike.core.cli.RunReports;
import org.firstspike.core.config.Settings;
import org.firstspike.core.data.SampleSet;
import org.firstspike.core.metrics.EvalResult;
import org.firstspike.core.net.Network;
import org.firstspike.core.train.AveragingConfig;
import org.firstspike.core.train.AveragingPlan;
import org.firstspike.core.train.Checkpoint;
import org.firstspike.core.train.EpochReport;
import org.firstspike.core.train.Optimizer;
import org.firstspike.core.train.OrderedTreeSum;
import org.firstspike.core.train.TrainConfig;
import org.firstspike.core.train.TrainingState;
import org.firstspike.core.train.WorkerRound;

/**
 * The driver's round loop: broadcast, train on every partition, sum in a fixed order, average, check, and at epoch
 * ends evaluate, checkpoint and log. Starts from a checkpoint (or from round 0) and leaves the run directory in a
 * resumable state after every checkpoint. Shared by {@code firstspike train} (prepared datasets, a run directory, a
 * test split) and the Spark ML estimator (DataFrame rows, neither: the caller evaluates and keeps the model).
 */
public final class AveragingRounds {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PROGRESS_NANOS = 5_000_000_000L;
    static final String LATEST = "checkpoints/latest.fspk";
    static final String BEST = "checkpoints/best.fspk";
    static final String METRICS = "metrics.jsonl";

    private final JavaSparkContext jsc;
    private final JavaRDD<? extends SampleSet> train;
    private final JavaRDD<? extends SampleSet> test;  // null: no evaluation split
    private final AveragingPlan plan;
    private final int workerBatch;
    private final TrainConfig cfg;
    private final AveragingConfig averaging;
    private final Settings settings;
    private final Map<String, String> shipped;
    private final Network driverNet;
    private final RunDirectory run;  // null: nothing is written
    private final RoundTiming timing = new RoundTiming();

    private AveragingRounds(JavaSparkContext jsc, JavaRDD<? extends SampleSet> train, JavaRDD<? extends SampleSet> test,
                            AveragingPlan plan, int workerBatch, Settings settings, Network driverNet, RunDirectory run) {
        this.jsc = jsc;
        this.train = train;
        this.test = test;
        this.plan = plan;
        this.workerBatch = workerBatch;
        this.cfg = TrainConfig.from(settings);
        this.averaging = AveragingConfig.from(settings);
        this.settings = settings;
        this.shipped = settings.with("train.batchSize", Integer.toString(workerBatch)).values();
        this.driverNet = driverNet;
        this.run = run;
    }

    /** W, the partitions to spread the training data over: train.workers, or Spark's default parallelism for 0. */
    public static int workers(JavaSparkContext jsc, AveragingConfig averaging) {
        return averaging.workers() > 0 ? averaging.workers() : jsc.defaultParallelism();
    }

    /**
     * Plans the rounds over {@code train}, one sample set per partition, W partitions (counting them is the first
     * Spark job over the data).
     *
     * @param trainName names the training data in messages
     * @param test      evaluated at every epoch end, or null for none (then no best checkpoint either)
     * @param run       where checkpoints and metrics go, or null to keep the metrics in memory only
     */
    public static AveragingRounds plan(JavaSparkContext jsc, JavaRDD<? extends SampleSet> train, String trainName,
                                       JavaRDD<? extends SampleSet> test, Settings settings, Network driverNet, RunDirectory run) {
        int workers = train.getNumPartitions();
        TrainConfig cfg = TrainConfig.from(settings);
        // train.batchSize is the global minibatch: each worker takes its share, so an epoch has as many steps as in
        // local training and W = 1 is local training exactly
        int workerBatch = Math.max(1, Math.round((float) cfg.batchSize() / workers));
        List<Integer> sizes = train.map(SampleSet::size).collect();
        if (sizes.contains(0))
            throw new IllegalArgumentException(trainName + " holds fewer samples than train.workers = " + workers);
        AveragingPlan plan = new AveragingPlan(sizes.stream().mapToInt(Integer::intValue).toArray(), workerBatch,
                AveragingConfig.from(settings).frequency(), cfg.epochs());
        return new AveragingRounds(jsc, train, test, plan, workerBatch, settings, driverNet, run);
    }

    public AveragingPlan plan() {
        return plan;
    }

    /** The minibatch each worker trains: its share of train.batchSize. */
    public int workerBatch() {
        return workerBatch;
    }

    /** Round 0: the driver network's initial parameters and a fresh optimizer state. */
    public Checkpoint fresh() {
        Optimizer optimizer = Optimizer.create(cfg.optimizer(), driverNet.parameters(), cfg.momentum(), cfg.weightDecay());
        return new Checkpoint(TrainingState.of(driverNet, optimizer), 0, new double[3], 0);
    }

    /** Trains from {@code from} to the end of the plan; returns the last checkpoint (the final state). */
    public Checkpoint run(Checkpoint from, List<String> metrics) throws IOException {
        TrainingState state = from.state();
        double[] epoch = from.epochStats().clone();
        double best = from.bestAccuracy();
        if (from.rounds() == 0 && test != null) {
            EpochReport init = new EpochReport(0, Double.NaN, Double.NaN, evaluate(state), Double.NaN, 0, 0);
            log(metrics, init);
        }
        long start = System.nanoTime(), epochStart = start, lastProgress = start;
        int workers = plan.workers();
        for (int round = from.rounds(); round < plan.totalRounds(); round++) {
            long roundStart = System.nanoTime();
            Broadcast<TrainingState> bc = jsc.broadcast(state);
            int r = round;
            AveragingPlan p = plan;
            Map<String, String> s = shipped;
            OrderedTreeSum sum;
            try {
                sum = train.mapPartitionsWithIndex((pid, it) -> {
                    WorkerContexts.Context c = WorkerContexts.get(s, pid);
                    double[] v = WorkerRound.run(c.net(), c.optimizer(), c.cfg(), p, bc.value(), it.next(), pid, r);
                    // the B1 windows (buffers) merge by maximum: they only grow
                    return List.of(OrderedTreeSum.leaf(pid, v, bc.value().maxFrom(), bc.value().maxTo())).iterator();
                }, true).treeAggregate(new OrderedTreeSum(), OrderedTreeSum::merge, OrderedTreeSum::merge, averaging.aggregationDepth());
            } catch (Exception e) {  // SparkException is checked but thrown undeclared through the Java API
                String diverged = divergence(e);
                if (diverged != null) throw new IllegalStateException(diverged + "; " + lastGood(), e);
                if (e instanceof RuntimeException re) throw re;
                throw new IllegalStateException("round " + (round + 1) + " failed: " + e.getMessage(), e);
            } finally {
                bc.destroy();
            }
            double[] total = sum.total(workers);
            double[] stats = state.roundStats(total);
            state = state.averaged(total, workers, state.steps() + plan.stepsIn(round));
            int bad = state.firstNonFinite();
            if (bad >= 0 || !Double.isFinite(stats[0]))
                throw new IllegalStateException("round " + (round + 1) + " (epoch " + plan.epochOf(round) + "): the averaged "
                        + (bad >= 0 ? "parameters hold a non-finite value at index " + bad : "training loss is " + stats[0])
                        + "; lower train.lr or check the data; " + lastGood());
            epoch[0] += stats[0] * stats[2];
            epoch[1] += stats[1] * stats[2];
            epoch[2] += stats[2];
            long now = System.nanoTime();
            timing.add((now - roundStart) / 1e9, stats[3] / workers);
            boolean endsEpoch = plan.endsEpoch(round);
            if (now - lastProgress > PROGRESS_NANOS && !endsEpoch) {
                lastProgress = now;
                double elapsed = (now - start) / 1e9;
                System.err.printf("epoch %d/%d  round %d/%d  loss %.4f  train acc %.2f%%  %,.0f samples/s  ETA %s%n",
                        plan.epochOf(round), cfg.epochs(), round + 1, plan.totalRounds(), epoch[0] / epoch[2],
                        100 * epoch[1] / epoch[2], epoch[2] / ((now - epochStart) / 1e9),
                        Durations.format(elapsed / (round + 1 - from.rounds()) * (plan.totalRounds() - round - 1)));
            }
            if (endsEpoch) {
                double trainSeconds = (System.nanoTime() - epochStart) / 1e9;
                EvalResult result = test == null ? null : evaluate(state);
                EpochReport rep = new EpochReport(plan.epochOf(round), epoch[0] / epoch[2], epoch[1] / epoch[2], result,
                        epoch[2] / trainSeconds, (System.nanoTime() - epochStart) / 1e9, plan.schedule(cfg).at(state.steps() - 1));
                boolean improved = result != null && result.accuracy() > best;
                if (improved) best = result.accuracy();
                Checkpoint c = new Checkpoint(state, round + 1, new double[3], best);
                save(LATEST, c);
                if (improved) save(BEST, c);
                log(metrics, rep);
                epoch = new double[3];
                epochStart = System.nanoTime();
            } else if (averaging.checkpointEvery() > 0 && (round + 1) % averaging.checkpointEvery() == 0) {
                save(LATEST, new Checkpoint(state, round + 1, epoch.clone(), best));
            }
        }
        return new Checkpoint(state, plan.totalRounds(), epoch, best);
    }

    private void save(String name, Checkpoint c) throws IOException {
        if (run != null) run.writeModel(name, c.toContents(settings));
    }

    private String lastGood() throws IOException {
        return run != null && run.exists(LATEST) ? "the last good checkpoint stays: " + run.resolve(LATEST) : "no checkpoint was written yet";
    }

    /** A worker's non-finite-loss message from a failed Spark job (the task's exception travels as text), or null. */
    private static String divergence(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            int at = m.indexOf("loss became");
            if (at >= 0) {
                int end = m.indexOf('\n', at);
                return m.substring(at, end < 0 ? m.length() : end).trim();
            }
        }
        return null;
    }

    /** Wall time of the rounds against the workers' compute time inside them. */
    RoundTiming timing() {
        return timing;
    }

    private void log(List<String> metrics, EpochReport r) throws IOException {
        metrics.add(JSON.writeValueAsString(RunReports.epochJson(r)));
        if (run != null) run.writeLines(METRICS, metrics);
        System.err.println(RunReports.epochLine(r, cfg.epochs()));
    }

    private EvalResult evaluate(TrainingState state) {
        return DistributedEvaluation.run(jsc, test, state.params(), state.buffers(), shipped, driverNet).result();
    }
}
