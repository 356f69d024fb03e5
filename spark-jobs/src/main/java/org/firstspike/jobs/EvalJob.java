package org.firstspike.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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
import org.firstspike.core.metrics.EvalResult;
import org.firstspike.core.net.ModelConfig;
import org.firstspike.core.net.Network;
import org.firstspike.core.net.ParameterVector;
import org.firstspike.prep.job.HadoopFiles;
import org.firstspike.prep.job.Sessions;
import org.firstspike.prep.tensor.TensorSamples;

/**
 * {@code firstspike eval} (spark-submit main class): a saved model over a split of a prepared dataset, evaluated in
 * parallel: accuracy, loss, confusion matrix, spikes per neuron per layer and overall, mean first-output-spike step.
 * {@code --set} evaluates the model under other settings of the same architecture, e.g. B1 spike-time jitter or
 * k-bit weights ({@code hw.*}).
 */
public final class EvalJob {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalJob() {}

    public static void main(String[] argv) {
        CommandLine.run("eval", () -> System.out.println(JSON.writeValueAsString(run(argv))));
    }

    public static ObjectNode run(String[] argv) throws IOException {
        Args args = Args.parse(argv, Set.of("--model", "--data", "--split", "--workers", "--out"), Set.of());
        if (!args.has("--model") || !args.has("--data"))
            throw new IllegalArgumentException("--model FILE and --data PREPARED_DIR are required");
        String modelUri = HadoopFiles.qualify(args.get("--model", null));
        ModelContents contents = RunDirectory.readModelFile(modelUri);
        Settings settings = ModelIO.settings(contents, modelUri).with(args.sets());
        Network net = Network.create(ModelConfigs.from(settings), 0L);
        ModelIO.initialize(net, contents, modelUri, settings);
        ModelConfig model = net.config();
        String data = HadoopFiles.qualify(args.get("--data", null));
        String split = args.get("--split", "test");
        if (!split.equals("test") && !split.equals("train")) throw new IllegalArgumentException("--split '" + split + "': expected test or train");
        SampleFormat format = DatasetInfo.read(data);
        format.checkCompatible(model.input(), model.dataEncoding(), model.timeSteps());

        SparkSession spark = Sessions.get("firstspike eval");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int workers = args.has("--workers") ? Integer.parseInt(args.get("--workers", null)) : jsc.defaultParallelism();
        JavaRDD<TensorSamples> parts = PartitionedSamples.load(spark, data + "/" + split, workers, 0);
        long start = System.nanoTime();
        EvalResult r = DistributedEvaluation.run(jsc, parts, ParameterVector.values(net.parameters()),
                ParameterVector.values(net.buffers()), settings.values(), net).result();
        double seconds = (System.nanoTime() - start) / 1e9;
        parts.unpersist();

        ObjectNode o = JSON.createObjectNode();
        o.put("model", modelUri);
        o.put("data", data + "/" + split);
        o.put("samples", r.samples());
        o.put("accuracy", r.accuracy());
        o.put("loss", r.loss());
        o.put("spikes_per_neuron", r.spikesPerNeuron());
        ArrayNode layers = o.putArray("spikes_per_neuron_by_layer");
        for (double d : r.spikesPerNeuronByLayer()) layers.add(d);
        if (Double.isFinite(r.meanFirstSpikeStep())) o.put("mean_first_spike_step", r.meanFirstSpikeStep());
        else o.putNull("mean_first_spike_step");
        RunReports.putCounts(o, r);
        o.put("seconds", seconds);
        System.err.printf("eval %s on %s: %,d samples, accuracy %.2f%%, %.3f spikes/neuron %s%s%n",
                modelUri, o.get("data").asText(), r.samples(), 100 * r.accuracy(), r.spikesPerNeuron(),
                java.util.Arrays.toString(r.spikesPerNeuronByLayer()), Double.isFinite(r.meanFirstSpikeStep())
                        ? String.format(", first output spike at step %.2f", r.meanFirstSpikeStep()) : "");
        System.err.println("confusion (rows: true class, columns: predicted):");
        for (long[] row : r.confusion()) {
            StringBuilder b = new StringBuilder(" ");
            for (long v : row) b.append(String.format(" %6d", v));
            System.err.println(b);
        }
        if (args.has("--out")) HadoopFiles.writeAtomically(HadoopFiles.qualify(args.get("--out", null)), JSON.writeValueAsString(o) + "\n");
        return o;
    }
}
