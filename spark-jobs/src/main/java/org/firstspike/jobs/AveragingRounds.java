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
import org.firstspike.core.metrics.EvalResult;
import org.firstspike.core.net.Network;
import org.firstspike.core.train.AveragingConfig;
import org.firstspike.core.train.AveragingPlan;
import org.firstspike.core.train.Checkpoint;
import org.firstspike.core.train.EpochReport;
import org.firstspike.core.train.OrderedTreeSum;
import org.firstspike.core.train.TrainConfig;
import org.firstspike.core.train.TrainingState;
import org.firstspike.core.train.WorkerRound;
import org.firstspike.prep.tensor.TensorSamples;

/**
 * The driver's round loop: broadcast, train on every partition, sum in a fixed order, average, check, and at epoch
 * ends evaluate, checkpoint and log. Starts from a checkpoint (or from round 0) and leaves the run directory in a
 * resumable state after every checkpoint.
 */
final class AveragingRounds {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PROGRESS_NANOS = 5_000_000_000L;
    static final String LATEST = "checkpoints/latest.fspk";
    static final String BEST = "checkpoints/best.fspk";
    static final String METRICS = "metrics.jsonl";

    private final JavaSparkContext jsc;
    private final JavaRDD<TensorSamples> train;
    private final JavaRDD<TensorSamples> test;
    private final AveragingPlan plan;
    private final TrainConfig cfg;
    private final AveragingConfig averaging;
    private final Settings settings;
    private final Map<String, String> shipped;
    private final Network driverNet;
    private final RunDirectory run;
    private final RoundTiming timing = new RoundTiming();

    AveragingRounds(JavaSparkContext jsc, JavaRDD<TensorSamples> train, JavaRDD<TensorSamples> test, AveragingPlan plan,
                    TrainConfig cfg, AveragingConfig averaging, Settings settings, Map<String, String> shipped, Network driverNet,
                    RunDirectory run) {
        this.jsc = jsc;
        this.train = train;
        this.test = test;
        this.plan = plan;
        this.cfg = cfg;
        this.averaging = averaging;
        this.settings = settings;
        this.shipped = shipped;
        this.driverNet = driverNet;
        this.run = run;
    }

    /** Trains from {@code from} to the end of the plan; returns the last checkpoint (the final state). */
    Checkpoint run(Checkpoint from, List<String> metrics) throws IOException {
        TrainingState state = from.state();
        double[] epoch = from.epochStats().clone();
        double best = from.bestAccuracy();
        if (from.rounds() == 0) {
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
                EvalResult result = evaluate(state);
                EpochReport rep = new EpochReport(plan.epochOf(round), epoch[0] / epoch[2], epoch[1] / epoch[2], result,
                        epoch[2] / trainSeconds, (System.nanoTime() - epochStart) / 1e9, plan.schedule(cfg).at(state.steps() - 1));
                boolean improved = result.accuracy() > best;
                best = Math.max(best, result.accuracy());
                Checkpoint c = new Checkpoint(state, round + 1, new double[3], best);
                run.writeModel(LATEST, c.toContents(settings));
                if (improved) run.writeModel(BEST, c.toContents(settings));
                log(metrics, rep);
                epoch = new double[3];
                epochStart = System.nanoTime();
            } else if (averaging.checkpointEvery() > 0 && (round + 1) % averaging.checkpointEvery() == 0) {
                run.writeModel(LATEST, new Checkpoint(state, round + 1, epoch.clone(), best).toContents(settings));
            }
        }
        return new Checkpoint(state, plan.totalRounds(), epoch, best);
    }

    private String lastGood() throws IOException {
        return run.exists(LATEST) ? "the last good checkpoint stays: " + run.resolve(LATEST) : "no checkpoint was written yet";
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
        run.writeLines(METRICS, metrics);
        System.err.println(RunReports.epochLine(r, cfg.epochs()));
    }

    private EvalResult evaluate(TrainingState state) {
        return DistributedEvaluation.run(jsc, test, state.params(), state.buffers(), shipped, driverNet).result();
    }
}
