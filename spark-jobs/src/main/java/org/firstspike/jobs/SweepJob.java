package org.firstspike.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.firstspike.core.cli.Args;
import org.firstspike.core.cli.CommandLine;
import org.firstspike.core.cli.RunReports;
import org.firstspike.core.config.ModelConfigs;
import org.firstspike.core.config.Settings;
import org.firstspike.core.data.SampleFormat;
import org.firstspike.core.io.ModelIO;
import org.firstspike.core.net.Folding;
import org.firstspike.core.net.Network;
import org.firstspike.core.report.SpikeRaster;
import org.firstspike.core.report.SweepReport;
import org.firstspike.core.sweep.ResultsTable;
import org.firstspike.core.sweep.Sweep;
import org.firstspike.core.sweep.SweepConfig;
import org.firstspike.core.sweep.Trial;
import org.firstspike.core.sweep.TrialResult;
import org.firstspike.core.sweep.TrialRun;
import org.firstspike.core.sweep.TrialStatus;
import org.firstspike.core.sweep.TrialTraining;
import org.firstspike.core.train.TrainConfig;
import org.firstspike.prep.job.HadoopFiles;
import org.firstspike.prep.job.Sessions;
import org.firstspike.prep.tensor.TensorSamples;
import scala.Tuple2;

/**
 * {@code firstspike sweep} (spark-submit main class): a hyperparameter sweep, one trial per Spark task. The data are
 * read once on the driver and broadcast (each executor receives them once); every task trains its trial with the core
 * trainer on one core, so many small networks keep all cores busy without synchronization. With successive halving
 * each rung is one Spark job, and survivors continue from the state their task returned. trials.jsonl is rewritten
 * after every rung; a rerun into the same folder keeps finished trials and trains the rest.
 */
public final class SweepJob {
    static final String TRIALS = "trials.jsonl";
    static final String BEST_MODEL = "best-model.fspk";
    static final String BEST_EVAL = "best-eval.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepJob() {}

    public static void main(String[] argv) {
        CommandLine.run("sweep", () -> run(argv));
    }

    public static ObjectNode run(String[] argv) throws IOException {
        long start = System.nanoTime();
        Args args = Args.parse(argv, Set.of("--sweep", "--data", "--out"), Set.of());
        if (!args.has("--sweep") || !args.has("--data"))
            throw new IllegalArgumentException("--sweep FILE and --data PREPARED_DIR are required");
        SweepConfig config = SweepConfig.load(Path.of(args.get("--sweep", null)), args.sets());
        List<Trial> trials = config.trials();
        String data = HadoopFiles.qualify(args.get("--data", null));
        SampleFormat format = DatasetInfo.read(data);
        RunDirectory run = new RunDirectory(HadoopFiles.qualify(args.get("--out",
                "runs/sweep-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))));

        // invalid combinations are refused here, on the driver, and recorded; finished trials of an earlier run are kept
        Map<String, TrialResult> earlier = readTrials(run);
        Map<String, TrialResult> results = new LinkedHashMap<>();
        List<TrialResult> kept = new ArrayList<>();
        List<Trial> toTrain = new ArrayList<>();
        for (Trial t : trials) {
            String refusal = TrialTraining.refusal(t, format);
            TrialResult before = earlier.get(t.id());
            if (refusal != null) results.put(t.id(), TrialResult.invalid(t, refusal));
            else if (before != null && before.status().isFinal()) {
                results.put(t.id(), before);
                kept.add(before);
            } else {
                results.put(t.id(), TrialResult.start(t));
                toTrain.add(t);
            }
        }
        run.writeLines("base.properties", config.base().describe());
        System.err.printf("sweep: %s, %d trials (%d to train, %d kept from an earlier run, %d invalid), early stopping %s -> %s%n",
                config.file(), trials.size(), toTrain.size(), kept.size(), trials.size() - toTrain.size() - kept.size(),
                config.schedule().enabled() ? "by successive halving (eta " + config.schedule().eta() + ", from "
                        + config.schedule().minEpochs() + " epoch(s))" : "none", run.uri());
        writeTrials(run, results);

        SparkSession spark = Sessions.get("firstspike sweep");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Sweep.Outcome outcome = new Sweep.Outcome(Map.of(), null);
        double dataSeconds = 0, trainSeconds = 0;
        TensorSamples testSet = null;
        if (!toTrain.isEmpty()) {
            long readStart = System.nanoTime();
            TrainConfig limits = TrainConfig.from(config.base());
            Broadcast<TensorSamples> train = jsc.broadcast(PartitionedSamples.onDriver(spark, data + "/train", limits.trainLimit()));
            testSet = PartitionedSamples.onDriver(spark, data + "/test", limits.testLimit());
            Broadcast<TensorSamples> test = jsc.broadcast(testSet);
            long trainStart = System.nanoTime();
            dataSeconds = (trainStart - readStart) / 1e9;
            outcome = new Sweep(config.schedule()).run(toTrain, kept, (runs, targets, stage) -> {
                List<Tuple2<TrialRun, Integer>> tasks = new ArrayList<>();
                for (int i = 0; i < runs.size(); i++) tasks.add(new Tuple2<>(runs.get(i), targets.get(i)));
                // most expensive first: tasks start in partition order, and small ones then fill the end of the rung
                tasks.sort(Comparator.comparingDouble((Tuple2<TrialRun, Integer> t) -> -TrialTraining.cost(t._1().trial(), epochsToTrain(t))));
                List<Integer> epochs = tasks.stream().map(SweepJob::epochsToTrain).toList();
                SweepProgress progress = new SweepProgress(stage, epochs);
                jsc.sc().addSparkListener(progress);
                try {
                    return jsc.parallelize(tasks, tasks.size())
                            .map(t -> TrialTraining.advance(t._1(), t._2(), train.value(), test.value())).collect();
                } finally {
                    jsc.sc().removeSparkListener(progress);
                }
            }, trained -> {
                results.putAll(trained);
                writeTrials(run, results);
            });
            trainSeconds = (System.nanoTime() - trainStart) / 1e9;
            train.destroy();
            test.destroy();
        }

        List<TrialResult> all = new ArrayList<>(results.values());
        TrialResult best = all.stream().filter(r -> r.status() == TrialStatus.DONE).min(Sweep.BEST_FIRST).orElse(null);
        if (best != null && outcome.best() != null && best.id().equals(outcome.best().trial().id()))
            inspectBest(run, saveBest(run, outcome.best()), outcome.best(), testSet);
        writeTable(spark, run, all);
        System.out.print(ResultsTable.format(all));

        ObjectNode summary = JSON.createObjectNode();
        summary.put("sweep", config.file().toString());
        summary.put("trials", trials.size());
        summary.put("trained", toTrain.size());
        summary.put("skipped", kept.size());
        for (TrialStatus s : TrialStatus.values())
            summary.put(s.label(), all.stream().filter(r -> r.status() == s).count());
        summary.put("early_stopping", config.schedule().enabled() ? "halving" : "none");
        if (best != null) {
            summary.put("best_trial", best.id());
            summary.put("best_test_accuracy", best.accuracy());
            ObjectNode params = summary.putObject("best_params");
            best.params().forEach(params::put);
            summary.put("best_model", run.resolve(BEST_MODEL));
        }
        summary.put("data_seconds", dataSeconds);
        summary.put("train_seconds", trainSeconds);
        summary.put("wall_seconds", (System.nanoTime() - start) / 1e9);
        run.writeText("summary.json", JSON.writeValueAsString(summary) + "\n");
        System.err.printf("sweep: %d trained (%.1f s, after %.1f s reading the data), %d kept; results in %s%n", toTrain.size(),
                trainSeconds, dataSeconds, kept.size(), run.uri());
        SweepReport.write(run);
        System.err.println("sweep: report " + run.resolve("report.html"));
        return summary;
    }

    private static Map<String, TrialResult> readTrials(RunDirectory run) throws IOException {
        Map<String, TrialResult> earlier = new LinkedHashMap<>();
        List<String> lines = run.readLines(TRIALS);
        for (int i = 0; i < lines.size(); i++) {
            TrialResult r = TrialResult.fromJson(lines.get(i), run.resolve(TRIALS) + ":" + (i + 1));
            earlier.put(r.id(), r);
        }
        return earlier;
    }

    private static int epochsToTrain(Tuple2<TrialRun, Integer> task) {
        return task._2() - task._1().result().epochs();
    }

    private static void writeTrials(RunDirectory run, Map<String, TrialResult> results) throws IOException {
        List<String> lines = new ArrayList<>();
        for (TrialResult r : results.values()) lines.add(JSON.writeValueAsString(r.toJson()));
        run.writeLines(TRIALS, lines);
    }

    /**
     * The best trial's test metrics of its last epoch, as its task measured them (best-eval.json: the confusion matrix
     * and first-spike histogram the trial record leaves out), and its spike raster on the first test samples.
     */
    private static void inspectBest(RunDirectory run, Network net, TrialRun best, TensorSamples test) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("trial", best.trial().id());
        o.put("time_steps", net.config().timeSteps());
        RunReports.putEval(o, best.lastTest());
        run.writeText(BEST_EVAL, JSON.writeValueAsString(o) + "\n");
        run.writeText(RunReports.RASTER, SpikeRaster.ofFirst(Folding.forInference(net), test, RunReports.RASTER_SAMPLES).toJson());
    }

    /** Saves the best trial's model; returns its network. */
    private static Network saveBest(RunDirectory run, TrialRun best) throws IOException {
        Settings settings = Settings.of(best.trial().settings());
        Network net = Network.create(ModelConfigs.from(settings), 0L);
        best.state().applyModel(net);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("trial", best.trial().id());
        meta.put("epochs", Integer.toString(best.result().epochs()));
        meta.put("test_accuracy", Double.toString(best.result().accuracy()));
        run.writeModel(BEST_MODEL, ModelIO.contents(net, settings, meta));
        return net;
    }

    /** results.parquet and results.csv (a single file, header first), in the order of the console table. */
    private static void writeTable(SparkSession spark, RunDirectory run, List<TrialResult> results) throws IOException {
        StructType schema = new StructType()
                .add("trial", DataTypes.StringType, false)
                .add("params", DataTypes.StringType, false)
                .add("test_accuracy", DataTypes.DoubleType, true)
                .add("spikes_per_neuron", DataTypes.DoubleType, true)
                .add("mean_first_spike_step", DataTypes.DoubleType, true)
                .add("epochs", DataTypes.IntegerType, false)
                .add("seconds", DataTypes.DoubleType, false)
                .add("status", DataTypes.StringType, false)
                .add("reason", DataTypes.StringType, true);
        List<Row> rows = new ArrayList<>();
        for (TrialResult r : results.stream().sorted(ResultsTable.ORDER).toList())
            rows.add(RowFactory.create(r.id(), ResultsTable.params(r), finite(r.accuracy()), finite(r.spikesPerNeuron()),
                    finite(r.firstSpikeStep()), r.epochs(), r.seconds(), r.status().label(), r.reason()));
        Dataset<Row> table = spark.createDataFrame(rows, schema).coalesce(1);
        table.write().mode(SaveMode.Overwrite).parquet(run.resolve("results.parquet"));
        String csvDir = run.resolve(".results-csv");
        table.write().mode(SaveMode.Overwrite).option("header", "true").csv(csvDir);
        String part = HadoopFiles.children(csvDir).stream().filter(n -> n.startsWith("part-")).findFirst()
                .orElseThrow(() -> new IOException(csvDir + ": Spark wrote no CSV part file"));
        HadoopFiles.replace(new org.apache.hadoop.fs.Path(csvDir + "/" + part), new org.apache.hadoop.fs.Path(run.resolve("results.csv")));
        HadoopFiles.delete(csvDir);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
