package org.firstspike.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.firstspike.core.cli.Args;
import org.firstspike.core.cli.CommandLine;
import org.firstspike.core.cli.Durations;
import org.firstspike.core.cli.RunReports;
import org.firstspike.core.config.ModelConfigs;
import org.firstspike.core.config.Settings;
import org.firstspike.core.data.SampleFormat;
import org.firstspike.core.io.ModelIO;
import org.firstspike.core.metrics.EvalResult;
import org.firstspike.core.metrics.MetricsAccumulator;
import org.firstspike.core.net.Folding;
import org.firstspike.core.net.ModelConfig;
import org.firstspike.core.net.Network;
import org.firstspike.core.net.ParameterVector;
import org.firstspike.core.train.AveragingConfig;
import org.firstspike.core.train.AveragingPlan;
import org.firstspike.core.train.EpochReport;
import org.firstspike.core.train.Evaluator;
import org.firstspike.core.train.Optimizer;
import org.firstspike.core.train.OrderedTreeSum;
import org.firstspike.core.train.TrainConfig;
import org.firstspike.core.train.TrainingState;
import org.firstspike.core.train.WorkerRound;
import org.firstspike.prep.job.HadoopFiles;
import org.firstspike.prep.tensor.TensorSamples;

/**
 * {@code firstspike train} (spark-submit main class): data-parallel training by parameter averaging. The train split
 * is spread once over W cached partitions; each round broadcasts the parameters and optimizer state, every worker
 * trains {@code train.averagingFrequency} minibatches of its partition with the core trainer's step, and the results
 * are summed by treeAggregate in a fixed order ({@link OrderedTreeSum}) and averaged on the driver. The final
 * parameters depend only on the seed, the data and W: not on timing, task retries or lost executors.
 */
public final class TrainJob {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    private TrainJob() {}

    public static void main(String[] argv) {
        CommandLine.run("train", () -> System.out.println(JSON.writeValueAsString(run(argv))));
    }

    public static ObjectNode run(String[] argv) throws IOException {
        Args args = Args.parse(argv, Set.of("--config", "--data", "--epochs", "--out"), Set.of());
        List<String> sets = new ArrayList<>(args.sets());
        if (args.has("--epochs")) sets.add("train.epochs=" + args.get("--epochs", null));
        Settings settings = Settings.load(args.has("--config") ? Path.of(args.get("--config", null)) : null, sets);
        ModelConfig model = ModelConfigs.from(settings);
        TrainConfig train = TrainConfig.from(settings);
        AveragingConfig averaging = AveragingConfig.from(settings);
        Network net = new Network(model, train.seed());  // validates the architecture before any work
        if (!args.has("--data")) throw new IllegalArgumentException("--data is required: a dataset prepared by prep-images or prep-events");
        String data = HadoopFiles.qualify(args.get("--data", null));
        SampleFormat format = DatasetInfo.read(data);
        format.checkCompatible(model.input(), model.encoding(), model.timeSteps());
        Path out = Path.of(args.get("--out", "runs/train-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));

        SparkSession spark = SparkSession.builder().appName("firstspike train").config("spark.ui.showConsoleProgress", "false")
                .master(System.getProperty("spark.master", "local[*]")).getOrCreate();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int workers = averaging.workers() > 0 ? averaging.workers() : jsc.defaultParallelism();
        // train.batchSize is the global minibatch: each worker takes its share, so an epoch has as many steps as in
        // local training and W = 1 is local training exactly
        int workerBatch = Math.max(1, Math.round((float) train.batchSize() / workers));
        Settings workerSettings = settings.with("train.batchSize", Integer.toString(workerBatch));
        JavaRDD<TensorSamples> trainParts = PartitionedSamples.load(spark, data + "/train", workers, train.trainLimit());
        JavaRDD<TensorSamples> testParts = PartitionedSamples.load(spark, data + "/test", workers, train.testLimit());
        List<Integer> sizes = trainParts.map(TensorSamples::size).collect();
        if (sizes.contains(0))
            throw new IllegalArgumentException(data + "/train holds fewer samples than train.workers = " + workers);
        AveragingPlan plan = new AveragingPlan(sizes.stream().mapToInt(Integer::intValue).toArray(), workerBatch,
                averaging.frequency(), train.epochs());

        Files.createDirectories(out);
        Files.write(out.resolve("config.properties"), settings.describe(), StandardCharsets.UTF_8);
        Optimizer optimizer = Optimizer.create(train.optimizer(), net.parameters(), train.momentum(), train.weightDecay());
        TrainingState state = TrainingState.of(net, optimizer);
        Map<String, String> shipped = workerSettings.values();
        int trainSize = sizes.stream().mapToInt(Integer::intValue).sum();
        System.err.printf("train: %s, T=%d, %d workers x %s samples, minibatch %d = %d per worker, averaging every %d "
                        + "minibatches, %d rounds -> %s%n", model.layers(), model.timeSteps(), workers, sizes, train.batchSize(),
                workerBatch, averaging.frequency(), plan.totalRounds(), out);

        List<EpochReport> reports = new ArrayList<>();
        Path metrics = out.resolve("metrics.jsonl");
        long start = System.nanoTime();
        try (BufferedWriter w = Files.newBufferedWriter(metrics, StandardCharsets.UTF_8)) {
            EpochReport init = new EpochReport(0, Double.NaN, Double.NaN, evaluate(jsc, testParts, state, shipped, net), Double.NaN, 0, 0);
            log(w, init, train.epochs());
            long epochStart = System.nanoTime(), lastProgress = epochStart;
            double lossSum = 0, correct = 0, seen = 0;
            for (int round = 0; round < plan.totalRounds(); round++) {
                Broadcast<TrainingState> bc = jsc.broadcast(state);
                int r = round;
                OrderedTreeSum sum = trainParts.mapPartitionsWithIndex((pid, it) -> {
                    WorkerContexts.Context c = WorkerContexts.get(shipped, pid);
                    double[] v = WorkerRound.run(c.net(), c.optimizer(), c.cfg(), plan, bc.value(), it.next(), pid, r);
                    return List.of(OrderedTreeSum.leaf(pid, v)).iterator();
                }, true).treeAggregate(new OrderedTreeSum(), OrderedTreeSum::merge, OrderedTreeSum::merge, averaging.aggregationDepth());
                bc.destroy();
                double[] total = sum.total(workers);
                double[] stats = state.roundStats(total);
                state = state.averaged(total, workers, state.steps() + plan.stepsIn(round));
                int bad = state.firstNonFinite();
                if (bad >= 0 || !Double.isFinite(stats[0]))
                    throw new IllegalStateException("round " + (round + 1) + " (epoch " + plan.epochOf(round) + "): the averaged "
                            + (bad >= 0 ? "parameters hold a non-finite value at index " + bad : "training loss is " + stats[0])
                            + "; lower train.lr or check the data");
                lossSum += stats[0] * stats[2];
                correct += stats[1] * stats[2];
                seen += stats[2];
                long now = System.nanoTime();
                if (now - lastProgress > PROGRESS_NANOS && !plan.endsEpoch(round)) {
                    lastProgress = now;
                    double sps = seen / ((now - epochStart) / 1e9);
                    double remaining = (double) (plan.totalRounds() - round - 1) / (round + 1) * ((now - start) / 1e9);
                    System.err.printf("epoch %d/%d  round %d/%d  loss %.4f  train acc %.2f%%  %,.0f samples/s  ETA %s%n",
                            plan.epochOf(round), train.epochs(), round + 1, plan.totalRounds(), lossSum / seen,
                            100 * correct / seen, sps, Durations.format(remaining));
                }
                if (plan.endsEpoch(round)) {
                    double trainSeconds = (System.nanoTime() - epochStart) / 1e9;
                    EvalResult test = evaluate(jsc, testParts, state, shipped, net);
                    EpochReport rep = new EpochReport(plan.epochOf(round), lossSum / seen, correct / seen, test, seen / trainSeconds,
                            (System.nanoTime() - epochStart) / 1e9, plan.schedule(train).at(state.steps() - 1));
                    reports.add(rep);
                    log(w, rep, train.epochs());
                    epochStart = System.nanoTime();
                    lossSum = correct = seen = 0;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ParameterVector.setValues(net.parameters(), state.params());
        Path modelFile = out.resolve("model.fspk");
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("epochs", Integer.toString(train.epochs()));
        meta.put("workers", Integer.toString(workers));
        meta.put("test_accuracy", Double.toString(reports.get(reports.size() - 1).test().accuracy()));
        ModelIO.save(net, settings, meta, modelFile);
        ModelIO.save(Folding.fold(net), settings.with("norm.enabled", "false"), meta, out.resolve("model-inference.fspk"));
        ObjectNode summary = RunReports.summaryJson(reports, seconds, modelFile);
        summary.put("workers", workers);
        summary.put("worker_batch", workerBatch);
        summary.put("rounds", plan.totalRounds());
        summary.put("train_samples", trainSize);
        Files.writeString(out.resolve("summary.json"), JSON.writeValueAsString(summary) + "\n", StandardCharsets.UTF_8);
        return summary;
    }

    private static void log(BufferedWriter w, EpochReport r, int epochs) throws IOException {
        w.write(JSON.writeValueAsString(RunReports.epochJson(r)));
        w.newLine();
        w.flush();
        System.err.println(RunReports.epochLine(r, epochs));
    }

    /** Test metrics with the given parameters, each partition evaluated by its own task and the sums merged. */
    private static EvalResult evaluate(JavaSparkContext jsc, JavaRDD<TensorSamples> test, TrainingState state,
                                       Map<String, String> shipped, Network driverNet) {
        Broadcast<float[]> params = jsc.broadcast(state.params());
        MetricsAccumulator zero = new MetricsAccumulator(driverNet.neuronsPerLayer(), driverNet.config().classes());
        MetricsAccumulator sum = test.mapPartitionsWithIndex((pid, it) -> {
            WorkerContexts.Context c = WorkerContexts.get(shipped, pid);
            ParameterVector.setValues(c.net().parameters(), params.value());
            return List.of(Evaluator.accumulate(c.net(), it.next(), c.cfg().evalBatchSize(), c.cfg().engine())).iterator();
        }, true).treeAggregate(zero, MetricsAccumulator::merge, MetricsAccumulator::merge, 2);
        params.destroy();
        return sum.result();
    }
}
