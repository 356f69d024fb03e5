package org.firstspike.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.firstspike.core.metrics.EvalResult;

/**
 * What a sweep records of a trial (one line of trials.jsonl): the test metrics after its last epoch, the epochs
 * trained and the seconds they took, its status and, for failed and invalid trials, why. {@code curve} holds the test
 * accuracy after every epoch: successive halving compares trials at a rung's epoch, also trials recorded by an earlier
 * run of the sweep. Metrics that do not exist are NaN here and null in JSON (the first-spike step of B1 networks).
 */
public record TrialResult(String id, Map<String, String> params, TrialStatus status, String reason, int epochs,
                          double accuracy, double spikesPerNeuron, double firstSpikeStep, double seconds,
                          List<Double> curve) implements Serializable {
    private static final ObjectMapper JSON = new ObjectMapper();

    public TrialResult {
        params = new TreeMap<>(params);
        curve = List.copyOf(curve);
    }

    /** A trial before its first epoch. */
    public static TrialResult start(Trial trial) {
        return new TrialResult(trial.id(), trial.params(), TrialStatus.RUNNING, null, 0, Double.NaN, Double.NaN, Double.NaN, 0, List.of());
    }

    public static TrialResult invalid(Trial trial, String reason) {
        return start(trial).failed(TrialStatus.INVALID, reason, 0);
    }

    public TrialResult failed(TrialStatus why, String message, double moreSeconds) {
        return new TrialResult(id, params, why, message, epochs, accuracy, spikesPerNeuron, firstSpikeStep, seconds + moreSeconds, curve);
    }

    /** This trial after more epochs, with the test result of the last one. */
    public TrialResult trained(List<Double> moreCurve, EvalResult last, double moreSeconds) {
        List<Double> c = new ArrayList<>(curve);
        c.addAll(moreCurve);
        return new TrialResult(id, params, status, null, c.size(), last.accuracy(), last.spikesPerNeuron(),
                last.meanFirstSpikeStep(), seconds + moreSeconds, c);
    }

    public TrialResult withStatus(TrialStatus s) {
        return new TrialResult(id, params, s, reason, epochs, accuracy, spikesPerNeuron, firstSpikeStep, seconds, curve);
    }

    /** Test accuracy after {@code epoch} (1-based; at most {@link #epochs()}). */
    public double accuracyAt(int epoch) {
        return curve.get(epoch - 1);
    }

    public ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("trial", id);
        ObjectNode p = o.putObject("params");
        params.forEach(p::put);
        o.put("status", status.label());
        if (reason == null) o.putNull("reason");
        else o.put("reason", reason);
        o.put("epochs", epochs);
        putFinite(o, "test_accuracy", accuracy);
        putFinite(o, "spikes_per_neuron", spikesPerNeuron);
        putFinite(o, "mean_first_spike_step", firstSpikeStep);
        o.put("seconds", seconds);
        ArrayNode c = o.putArray("curve");
        curve.forEach(c::add);
        return o;
    }

    /** A line of trials.jsonl; {@code where} (file and line) starts the message if it is not one. */
    public static TrialResult fromJson(String line, String where) {
        try {
            JsonNode o = JSON.readTree(line);
            Map<String, String> params = new TreeMap<>();
            o.get("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            List<Double> curve = new ArrayList<>();
            o.get("curve").forEach(v -> curve.add(v.asDouble()));
            TrialResult r = new TrialResult(o.get("trial").asText(), params, TrialStatus.valueOf(o.get("status").asText().toUpperCase()),
                    o.get("reason").isNull() ? null : o.get("reason").asText(), o.get("epochs").asInt(), finite(o, "test_accuracy"),
                    finite(o, "spikes_per_neuron"), finite(o, "mean_first_spike_step"), o.get("seconds").asDouble(), curve);
            if (r.curve.size() != r.epochs) throw new IllegalArgumentException("curve has " + curve.size() + " values for " + r.epochs + " epochs");
            return r;
        } catch (IllegalArgumentException | NullPointerException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not a trial record written by 'firstspike sweep' (" + e.getMessage()
                    + "); delete the file or choose another --out", e);
        }
    }

    private static void putFinite(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v);
        else o.putNull(key);
    }

    private static double finite(JsonNode o, String key) {
        return o.get(key).isNull() ? Double.NaN : o.get(key).asDouble();
    }
}
