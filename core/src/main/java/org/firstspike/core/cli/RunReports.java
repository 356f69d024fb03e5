package org.firstspike.core.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.firstspike.core.metrics.EvalResult;
import org.firstspike.core.net.ExactTimeNetwork;
import org.firstspike.core.net.ModelConfig;
import org.firstspike.core.net.Network;
import org.firstspike.core.net.NetworkFamily;
import org.firstspike.core.train.EpochReport;

/** The JSON shapes of a run: one metrics.jsonl object per epoch and the final one-line summary. */
public final class RunReports {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The spike raster a training run leaves for its report, and how many test samples it shows. */
    public static final String RASTER = "raster.json";
    public static final int RASTER_SAMPLES = 4;

    private RunReports() {}

    /** Where the data came from and how many samples each split had. */
    public static void putData(ObjectNode o, String data, int trainSamples, int testSamples) {
        o.put("data", data);
        o.put("train_samples", trainSamples);
        o.put("test_samples", testSamples);
    }

    public static ObjectNode epochJson(EpochReport r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("epoch", r.epoch());
        putFinite(o, "train_loss", r.trainLoss());
        putFinite(o, "train_accuracy", r.trainAccuracy());
        if (r.test() != null) putEval(o, r.test());
        putFinite(o, "train_samples_per_s", r.trainSamplesPerSecond());
        o.put("epoch_seconds", r.epochSeconds());
        o.put("learning_rate", r.learningRate());
        return o;
    }

    /** The human-readable line printed at each epoch end (epoch 0: the network at initialization). */
    public static String epochLine(EpochReport r, int epochs) {
        if (r.epoch() == 0)
            return String.format("at initialization: test acc %.2f%%, spikes/neuron by layer %s", 100 * r.test().accuracy(),
                    java.util.Arrays.toString(r.test().spikesPerNeuronByLayer()));
        return String.format("epoch %d/%d done in %s: train loss %.4f acc %.2f%%, %s%,.0f samples/s", r.epoch(), epochs,
                Durations.format(r.epochSeconds()), r.trainLoss(), 100 * r.trainAccuracy(), r.test() == null ? "" : testPart(r.test()),
                r.trainSamplesPerSecond());
    }

    private static String testPart(EvalResult test) {
        double first = test.meanFirstSpikeStep();
        return String.format("test acc %.2f%%, %.3f spikes/neuron, %s", 100 * test.accuracy(), test.spikesPerNeuron(),
                Double.isNaN(first) ? "" : String.format("first output spike at step %.2f, ", first));
    }

    /** The family and its time facts for a start-up line: "ETTFS T=8" or "B1". */
    public static String describe(ModelConfig m) {
        return m.family() == NetworkFamily.ETTFS ? "ETTFS T=" + m.timeSteps() : m.family().name();
    }

    /** For a B1 network: the window widths and the readout time (its latency, in units of tau_c). */
    public static void putWindows(ObjectNode o, Network net) {
        if (!(net instanceof ExactTimeNetwork e) || e.windows() == null) return;
        ArrayNode w = o.putArray("windows");
        for (int n = 0; n < e.windows().layers(); n++) w.add(e.windows().width(n));
        o.put("latency", e.windows().readout());
    }

    /** JSON has no NaN: a value that does not exist yet (training loss at epoch 0) is null. */
    private static void putFinite(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v);
        else o.putNull(key);
    }

    /** A test evaluation: its sample count, accuracy, loss, spikes per neuron, first-spike step and counts. */
    public static void putEval(ObjectNode o, EvalResult e) {
        o.put("test_samples", e.samples());
        o.put("test_accuracy", e.accuracy());
        o.put("test_loss", e.loss());
        o.put("spikes_per_neuron", e.spikesPerNeuron());
        ArrayNode layers = o.putArray("spikes_per_neuron_by_layer");
        for (double d : e.spikesPerNeuronByLayer()) layers.add(d);
        putFinite(o, "mean_first_spike_step", e.meanFirstSpikeStep());
        putCounts(o, e);
    }

    /** The confusion matrix [true][predicted] and the samples per first-output-spike step (index = step). */
    public static void putCounts(ObjectNode o, EvalResult e) {
        ArrayNode confusion = o.putArray("confusion");
        for (long[] row : e.confusion()) {
            ArrayNode r = confusion.addArray();
            for (long v : row) r.add(v);
        }
        ArrayNode steps = o.putArray("first_spike_steps");
        for (long v : e.firstSpikeSteps()) steps.add(v);
    }

    public static ObjectNode summaryJson(List<EpochReport> reports, double seconds, Path model) {
        List<ObjectNode> epochs = new java.util.ArrayList<>();
        for (EpochReport r : reports) epochs.add(epochJson(r));
        return summaryJson(epochs, seconds, model.toString());
    }

    /**
     * The one-line summary from the metrics.jsonl objects of a run (epoch 0, the untrained network, is skipped): the
     * last epoch's test metrics, the best test accuracy, the mean training throughput, the epochs, time and model.
     */
    public static ObjectNode summaryJson(List<ObjectNode> metrics, double seconds, String model) {
        List<ObjectNode> epochs = metrics.stream().filter(m -> m.get("epoch").asInt() > 0).toList();
        ObjectNode last = epochs.get(epochs.size() - 1);
        ObjectNode o = JSON.createObjectNode();
        for (String key : List.of("test_accuracy", "test_loss", "spikes_per_neuron", "spikes_per_neuron_by_layer", "mean_first_spike_step"))
            o.set(key, last.get(key));
        o.put("best_test_accuracy", epochs.stream().mapToDouble(e -> e.get("test_accuracy").asDouble()).max().orElse(0));
        o.put("train_samples_per_s", epochs.stream().mapToDouble(e -> e.get("train_samples_per_s").asDouble()).average().orElse(0));
        o.put("epochs", epochs.size());
        o.put("wall_seconds", seconds);
        o.put("model", model);
        return o;
    }
}
