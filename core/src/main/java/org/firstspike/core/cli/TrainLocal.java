package org.firstspike.core.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.firstspike.core.exec.ComputeThreads;
import org.firstspike.core.config.ModelConfigs;
import org.firstspike.core.config.Settings;
import org.firstspike.core.data.DatasetFormat;
import org.firstspike.core.data.DatasetSplit;
import org.firstspike.core.data.Datasets;
import org.firstspike.core.data.SampleSet;
import org.firstspike.core.io.ModelFile;
import org.firstspike.core.io.ModelIO;
import org.firstspike.core.net.Folding;
import org.firstspike.core.net.ModelConfig;
import org.firstspike.core.net.Network;
import org.firstspike.core.report.LocalRunFiles;
import org.firstspike.core.report.RunFiles;
import org.firstspike.core.report.SpikeRaster;
import org.firstspike.core.report.TrainingReport;
import org.firstspike.core.train.EpochReport;
import org.firstspike.core.train.TrainConfig;
import org.firstspike.core.train.Trainer;
import org.firstspike.core.train.TrainingListener;

/**
 * {@code firstspike train-local}: trains in one JVM (no Spark) on a folder of IDX files or a prepared (Parquet) dataset, printing progress with
 * samples/s and ETA, writing metrics.jsonl, the model and summary.json into the run directory, and ending with a
 * one-line JSON summary on stdout.
 */
public final class TrainLocal {
    public static final String DEFAULT_DATA = "/usr/share/datasets/fashion-mnist";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainLocal() {}

    public static void main(String[] argv) {
        CommandLine.run("train-local", () -> run(argv));
    }

    public static ObjectNode run(String[] argv) throws IOException {
        Args args = Args.parse(argv, Set.of("--config", "--data", "--epochs", "--out", "--init"), Set.of());
        List<String> sets = new java.util.ArrayList<>(args.sets());
        if (args.has("--epochs")) sets.add("train.epochs=" + args.get("--epochs", null));
        Settings settings = Settings.load(args.has("--config") ? Path.of(args.get("--config", null)) : null, sets);
        ModelConfig model = ModelConfigs.from(settings);
        TrainConfig train = TrainConfig.from(settings);
        Network net = Network.create(model, train.seed());  // validates the architecture before any data is read
        if (args.has("--init")) {
            String init = args.get("--init", null);
            ModelIO.initialize(net, ModelFile.read(Path.of(init)), init, settings);
        }
        Path data = Path.of(args.get("--data", DEFAULT_DATA));
        DatasetFormat format = Datasets.formatOf(data);
        Path out = Path.of(args.get("--out", "runs/train-local-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));

        DatasetSplit trainSplit = format.load(data, "train", train.trainLimit());
        DatasetSplit testSplit = format.load(data, "test", train.testLimit());
        trainSplit.format().checkCompatible(model.input(), model.dataEncoding(), model.timeSteps());
        testSplit.format().checkCompatible(model.input(), model.dataEncoding(), model.timeSteps());
        int threads = ComputeThreads.use(train.threads());

        Files.createDirectories(out);
        Files.write(out.resolve("config.properties"), settings.describe(), StandardCharsets.UTF_8);
        SampleSet trainSamples = trainSplit.samples();
        SampleSet testSamples = testSplit.samples();
        System.err.printf("train-local: %s %s, %d train / %d test samples, %d epochs, batch %d, %d compute thread(s) -> %s%n",
                RunReports.describe(model), model.layers(), trainSamples.size(), testSamples.size(), train.epochs(),
                train.batchSize(), threads, out);

        Path metrics = out.resolve("metrics.jsonl");
        Files.deleteIfExists(metrics);
        long start = System.nanoTime();
        List<EpochReport> reports;
        try (BufferedWriter w = Files.newBufferedWriter(metrics, StandardCharsets.UTF_8, StandardOpenOption.CREATE)) {
            reports = new Trainer(net, train).fit(trainSamples, testSamples, new TrainingListener() {
                @Override
                public void progress(int epoch, long step, long total, double loss, double acc, double sps, double eta) {
                    System.err.printf("epoch %d/%d  step %d/%d  loss %.4f  train acc %.2f%%  %,.0f samples/s  ETA %s%n",
                            epoch, train.epochs(), step, total, loss, 100 * acc, sps, Durations.format(eta));
                }

                @Override
                public void epochEnd(EpochReport r) {
                    ObjectNode line = RunReports.epochJson(r);
                    try {
                        w.write(JSON.writeValueAsString(line));
                        w.newLine();
                        w.flush();
                    } catch (IOException e) {
                        throw new IllegalStateException(metrics + ": cannot write metrics: " + e.getMessage(), e);
                    }
                    System.err.println(RunReports.epochLine(r, train.epochs()));
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Path modelFile = out.resolve("model.fspk");
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("epochs", Integer.toString(train.epochs()));
        meta.put("test_accuracy", Double.toString(reports.get(reports.size() - 1).test().accuracy()));
        ModelIO.save(net, settings, meta, modelFile);
        Network inference = Folding.forInference(net);
        ModelIO.save(inference, settings.with("norm.enabled", "false"), meta, out.resolve("model-inference.fspk"));
        ObjectNode summary = RunReports.summaryJson(reports, seconds, modelFile);
        RunReports.putWindows(summary, net);
        RunReports.putData(summary, data.toString(), trainSamples.size(), testSamples.size());
        String line = JSON.writeValueAsString(summary);
        Files.writeString(out.resolve("summary.json"), line + "\n", StandardCharsets.UTF_8);
        RunFiles files = new LocalRunFiles(out);
        files.write(RunReports.RASTER, SpikeRaster.ofFirst(inference, testSamples, RunReports.RASTER_SAMPLES)
                .toJson().getBytes(StandardCharsets.UTF_8));
        List<String> report = TrainingReport.write(files);
        System.err.println("train-local: report " + out.resolve("report.html") + " (" + (report.size() - 1) + " plots in " + out.resolve("plots") + ")");
        System.out.println(line);
        return summary;
    }
}
