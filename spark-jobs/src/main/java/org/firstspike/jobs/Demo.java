package org.firstspike.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.firstspike.core.cli.Args;
import org.firstspike.core.cli.CommandLine;
import org.firstspike.core.cli.ExportNir;
import org.firstspike.core.report.TrainingReport;
import org.firstspike.prep.job.HadoopFiles;
import org.firstspike.prep.job.PrepImagesJob;

/**
 * {@code firstspike demo}: the whole pipeline on the embedded default, in one Spark application: Fashion-MNIST to
 * Parquet with prep-images (skipped when already prepared), SMLP training with 2 workers by parameter averaging, and
 * a distributed evaluation of the folded inference model, its NIR export; leaves the dataset and a run directory with
 * its report (report.html and plots/*.png) and model.nir.
 */
public final class Demo {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Demo() {}

    public static void main(String[] argv) {
        CommandLine.run("demo", () -> System.out.println(JSON.writeValueAsString(run(argv))));
    }

    public static ObjectNode run(String[] argv) throws IOException {
        Args a = Args.parse(argv, Set.of("--config", "--images", "--data", "--out", "--epochs", "--workers"), Set.of());
        String config = a.get("--config", "conf/smlp.properties");
        String data = a.get("--data", "data/fashion-mnist");
        String out = a.get("--out", "runs/demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        System.err.println("demo 1/3: Fashion-MNIST -> Parquet tensors in " + data);
        ObjectNode prep = PrepImagesJob.run(new String[] {"--format", "idx", "--input",
                a.get("--images", "/usr/share/datasets/fashion-mnist"), "--out", data});
        System.err.println("demo 2/3: training " + config + " with " + a.get("--workers", "2") + " workers -> " + out);
        ObjectNode train = TrainJob.run(new String[] {"--config", config, "--data", data, "--out", out,
                "--epochs", a.get("--epochs", "3"), "--set", "train.workers=" + a.get("--workers", "2")});
        System.err.println("demo 3/3: evaluating the inference model");
        ObjectNode eval = EvalJob.run(new String[] {"--model", out + "/model-inference.fspk", "--data", data,
                "--out", out + "/eval.json"});
        System.err.println("demo: exporting the inference model as NIR (" + out + "/model.nir)");
        ObjectNode nir = ExportNir.run(new String[] {"--model", out + "/model-inference.fspk", "--out", out + "/model.nir"});
        // redrawn now that the run holds eval.json: the confusion matrix of the shipped (folded) inference model
        RunDirectory run = new RunDirectory(HadoopFiles.qualify(out));
        List<String> report = TrainingReport.write(run);
        System.err.println("demo: report " + run.resolve("report.html") + " with " + (report.size() - 1) + " plots in " + run.resolve("plots"));
        ObjectNode s = JSON.createObjectNode();
        s.put("dataset", data);
        s.put("prepared_now", !prep.path("cached").asBoolean());
        s.put("run", out);
        s.put("epochs", train.get("epochs").asInt());
        s.put("workers", train.get("workers").asInt());
        s.put("test_accuracy", eval.get("accuracy").asDouble());
        s.put("spikes_per_neuron", eval.get("spikes_per_neuron").asDouble());
        s.put("mean_first_spike_step", eval.get("mean_first_spike_step").asDouble());
        s.put("train_seconds", train.get("wall_seconds").asDouble());
        s.put("nir", nir.get("path").asText());
        s.put("report", run.resolve("report.html"));
        ArrayNode plots = s.putArray("plots");
        report.stream().filter(f -> f.endsWith(".png")).forEach(f -> plots.add(run.resolve(f)));
        return s;
    }
}
