package org.firstspike.core.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.firstspike.core.metrics.EvalResult;
import org.firstspike.core.train.EpochReport;

/** The JSON shapes of a run: one metrics.jsonl object per epoch and the final one-line summary. */
final class RunReports {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunReports() {}

    static ObjectNode epochJson(EpochReport r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("epoch", r.epoch());
        putFinite(o, "train_loss", r.trainLoss());
        putFinite(o, "train_accuracy", r.trainAccuracy());
        putEval(o, r.test());
        putFinite(o, "train_samples_per_s", r.trainSamplesPerSecond());
        o.put("epoch_seconds", r.epochSeconds());
        o.put("learning_rate", r.learningRate());
        return o;
    }

    /** JSON has no NaN: a value that does not exist yet (training loss at epoch 0) is null. */
    private static void putFinite(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v);
        else o.putNull(key);
    }

    private static void putEval(ObjectNode o, EvalResult e) {
        o.put("test_accuracy", e.accuracy());
        o.put("test_loss", e.loss());
        o.put("spikes_per_neuron", e.spikesPerNeuron());
        ArrayNode layers = o.putArray("spikes_per_neuron_by_layer");
        for (double d : e.spikesPerNeuronByLayer()) layers.add(d);
        o.put("mean_first_spike_step", e.meanFirstSpikeStep());
    }

    static ObjectNode summaryJson(List<EpochReport> reports, double seconds, Path model) {
        EpochReport last = reports.get(reports.size() - 1);
        ObjectNode o = JSON.createObjectNode();
        putEval(o, last.test());
        double best = 0;
        double sps = 0;
        for (EpochReport r : reports) {
            best = Math.max(best, r.test().accuracy());
            sps += r.trainSamplesPerSecond();
        }
        o.put("best_test_accuracy", best);
        o.put("train_samples_per_s", sps / reports.size());
        o.put("epochs", reports.size());
        o.put("wall_seconds", seconds);
        o.put("model", model.toString());
        return o;
    }
}
