package org.firstspike.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.firstspike.core.cli.Args;
import org.firstspike.core.cli.CommandLine;
import org.firstspike.core.cli.RunReports;
import org.firstspike.core.config.ModelConfigs;
import org.firstspike.core.config.Settings;
import org.firstspike.core.data.SampleFormat;
import org.firstspike.core.io.ModelContents;
import org.firstspike.core.io.ModelIO;
import org.firstspike.core.net.Folding;
import org.firstspike.core.net.ModelConfig;
import org.firstspike.core.net.Network;
import org.firstspike.core.report.SpikeRaster;
import org.firstspike.core.report.TrainingReport;
import org.firstspike.core.train.AveragingConfig;
import org.firstspike.core.train.AveragingPlan;
import org.firstspike.core.train.Checkpoint;
import org.firstspike.core.train.TrainConfig;
import org.firstspike.prep.job.HadoopFiles;
import org.firstspike.prep.job.Sessions;
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

    private TrainJob() {}

    public static void main(String[] argv) {
        CommandLine.run("train", () -> System.out.println(JSON.writeValueAsString(run(argv))));
    }

    public static ObjectNode run(String[] argv) throws IOException {
        Args args = Args.parse(argv, Set.of("--config", "--data", "--epochs", "--out", "--init"), Set.of("--resume"));
        List<String> sets = new ArrayList<>(args.sets());
        if (args.has("--epochs")) sets.add("train.epochs=" + args.get("--epochs", null));
        Settings settings = Settings.load(args.has("--config") ? Path.of(args.get("--config", null)) : null, sets);
        ModelConfig model = ModelConfigs.from(settings);
        TrainConfig train = TrainConfig.from(settings);
        AveragingConfig averaging = AveragingConfig.from(settings);
        Network net = Network.create(model, train.seed());  // validates the architecture before any work
        if (!args.has("--data")) throw new IllegalArgumentException("--data is required: a dataset prepared by prep-images or prep-events");
        String data = HadoopFiles.qualify(args.get("--data", null));
        SampleFormat format = DatasetInfo.read(data);
        format.checkCompatible(model.input(), model.dataEncoding(), model.timeSteps());
        RunDirectory run = new RunDirectory(HadoopFiles.qualify(args.get("--out",
                "runs/train-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))));
        boolean resume = args.flag("--resume");
        if (resume && args.has("--init"))
            throw new IllegalArgumentException("--init starts a new run from a model; --resume continues a run: pass one of them");
        if (args.has("--init")) {
            String init = HadoopFiles.qualify(args.get("--init", null));
            ModelIO.initialize(net, RunDirectory.readModelFile(init), init, settings);
        }
        Checkpoint from = resume ? resumePoint(run, settings) : null;
        if (!resume && run.exists(AveragingRounds.LATEST))
            throw new IllegalArgumentException(run.uri() + " holds a run already (" + AveragingRounds.LATEST + "); pass --resume "
                    + "to continue it or choose another --out");

        SparkSession spark = Sessions.get("firstspike train");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int workers = AveragingRounds.workers(jsc, averaging);
        JavaRDD<TensorSamples> trainParts = PartitionedSamples.load(spark, data + "/train", workers, train.trainLimit());
        JavaRDD<TensorSamples> testParts = PartitionedSamples.load(spark, data + "/test", workers, train.testLimit());
        AveragingRounds rounds = AveragingRounds.plan(jsc, trainParts, data + "/train", testParts, settings, net, run);
        AveragingPlan plan = rounds.plan();

        run.writeLines("config.properties", settings.describe());
        if (from == null) from = rounds.fresh();
        List<String> metrics = new ArrayList<>();
        for (String line : run.readLines(AveragingRounds.METRICS))
            if (resume && JSON.readTree(line).get("epoch").asInt() <= from.rounds() / plan.roundsPerEpoch()) metrics.add(line);
        System.err.printf("train: %s %s, %d workers x %s samples, minibatch %d = %d per worker, averaging every %d "
                        + "minibatches, %d rounds%s -> %s%n", RunReports.describe(model), model.layers(), workers,
                Arrays.toString(plan.partitionSizes()), train.batchSize(), rounds.workerBatch(), averaging.frequency(), plan.totalRounds(),
                from.rounds() > 0 ? ", resuming after round " + from.rounds() : "", run.uri());

        long start = System.nanoTime();
        Checkpoint last = rounds.run(from, metrics);
        double seconds = (System.nanoTime() - start) / 1e9;

        last.state().applyModel(net);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("epochs", Integer.toString(train.epochs()));
        meta.put("workers", Integer.toString(workers));
        List<ObjectNode> epochs = new ArrayList<>();
        for (String line : metrics) epochs.add((ObjectNode) JSON.readTree(line));
        meta.put("test_accuracy", epochs.get(epochs.size() - 1).get("test_accuracy").asText());
        run.writeModel("model.fspk", ModelIO.contents(net, settings, meta));
        Network inference = Folding.forInference(net);
        run.writeModel("model-inference.fspk", ModelIO.contents(inference, settings.with("norm.enabled", "false"), meta));
        ObjectNode summary = RunReports.summaryJson(epochs, seconds, run.resolve("model.fspk"));
        RunReports.putWindows(summary, net);
        summary.put("workers", workers);
        summary.put("worker_batch", rounds.workerBatch());
        summary.put("rounds", plan.totalRounds());
        summary.put("resumed_after_round", from.rounds());
        RunReports.putData(summary, data, Arrays.stream(plan.partitionSizes()).sum(),
                epochs.get(epochs.size() - 1).path("test_samples").asInt());
        rounds.timing().putInto(summary);
        run.writeText("summary.json", JSON.writeValueAsString(summary) + "\n");
        TensorSamples shown = PartitionedSamples.onDriver(spark, data + "/test", RunReports.RASTER_SAMPLES);
        run.writeText(RunReports.RASTER, SpikeRaster.ofFirst(inference, shown, RunReports.RASTER_SAMPLES).toJson());
        TrainingReport.write(run);
        System.err.println("train: report " + run.resolve("report.html"));
        return summary;
    }

    /** The latest checkpoint of a run, with the settings it was made with (a resumed run must not change them). */
    private static Checkpoint resumePoint(RunDirectory run, Settings settings) throws IOException {
        if (!run.exists(AveragingRounds.LATEST))
            throw new IOException(run.resolve(AveragingRounds.LATEST) + ": no checkpoint to resume from");
        ModelContents contents = run.readModel(AveragingRounds.LATEST);
        Map<String, String> saved = contents.config();
        List<String> changed = new ArrayList<>();
        settings.values().forEach((k, v) -> {
            if (!v.equals(saved.get(k))) changed.add(k + " (was " + saved.get(k) + ", now " + v + ")");
        });
        if (!changed.isEmpty())
            throw new IllegalArgumentException("--resume with different settings than the checkpoint: " + String.join(", ", changed));
        return Checkpoint.fromContents(contents, run.resolve(AveragingRounds.LATEST));
    }
}
