package org.firstspike.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.firstspike.core.data.SampleSet;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.layer.HiddenUnits;
import org.firstspike.core.net.BatchOutput;
import org.firstspike.core.net.EttfsNetwork;
import org.firstspike.core.net.ExactTimeNetwork;
import org.firstspike.core.net.Network;
import org.firstspike.core.neuron.SpikeTimeNeurons;
import org.firstspike.core.neuron.TtfsNeuronLayer;
import org.firstspike.core.train.NoiseKeys;

/**
 * When every neuron of every spiking layer fired for a few samples: what a raster plot shows. ETTFS times are 1-based
 * steps (1..T, as the first-output-spike step); B1 times are exact, in units of tau_c, up to the readout time. Saved
 * as raster.json in a run directory so a report can be redrawn without the model or the data.
 */
public record SpikeRaster(String timeUnit, double timeEnd, int[] labels, int[] predictions, List<LayerSpikes> layers) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One layer's spikes: for each sample, the neurons that fired and their times (same order). */
    public record LayerSpikes(String name, int neurons, List<int[]> neuron, List<double[]> time) {}

    public int samples() { return labels.length; }

    /** The raster of the first {@code n} samples of a dataset (fewer if it is smaller). */
    public static SpikeRaster ofFirst(Network net, SampleSet data, int n) {
        int count = Math.min(n, data.size());
        float[] samples = new float[count * data.sampleLength()];
        int[] labels = new int[count];
        data.copyRange(0, count, samples, labels);
        return record(net, samples, labels, count);
    }

    /** Runs {@code n} samples through the network (evaluation noise key) and records its spikes. */
    public static SpikeRaster record(Network net, float[] samples, int[] labels, int n) {
        net.noiseKey(NoiseKeys.of(0, NoiseKeys.EVALUATION, 0));
        BatchOutput out = net.forward(samples, n, labels, Engine.FAST);
        List<LayerSpikes> layers = new ArrayList<>();
        if (net instanceof EttfsNetwork e) {
            List<TtfsNeuronLayer> ls = e.neuronLayers();
            for (int i = 0; i < ls.size(); i++) {
                TtfsNeuronLayer l = ls.get(i);
                String name = i == ls.size() - 1 ? "output" : "hidden " + (i + 1);
                layers.add(spikes(name, l.neuronsPerSample(), n, (b, f) -> {
                    int s = l.firstSpikeStep(b, f);
                    return s < 0 ? Double.NaN : s + 1;
                }));
            }
            return new SpikeRaster("step", net.config().timeSteps(), labels.clone(), out.predictions(), layers);
        }
        ExactTimeNetwork x = (ExactTimeNetwork) net;
        List<HiddenUnits> units = x.hiddenUnits();
        for (int i = 0; i < units.size(); i++) {
            if (!(units.get(i) instanceof SpikeTimeNeurons s)) continue;  // the ReLU twin has no spikes
            double[] times = s.lastTimes();
            double end = s.windowEnd();
            int size = s.neuronsPerSample();
            layers.add(spikes("hidden " + (i + 1), size, n, (b, f) -> times[b * size + f] < end ? times[b * size + f] : Double.NaN));
        }
        double end = x.windows() == null ? Double.NaN : x.windows().readout();
        return new SpikeRaster("tau_c", end, labels.clone(), out.predictions(), layers);
    }

    private interface SpikeTime {
        /** The spike time of neuron f in sample b, NaN when it did not fire. */
        double of(int b, int f);
    }

    private static LayerSpikes spikes(String name, int size, int n, SpikeTime time) {
        List<int[]> neurons = new ArrayList<>();
        List<double[]> times = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            int count = 0;
            for (int f = 0; f < size; f++) if (!Double.isNaN(time.of(b, f))) count++;
            int[] ns = new int[count];
            double[] ts = new double[count];
            int k = 0;
            for (int f = 0; f < size; f++) {
                double t = time.of(b, f);
                if (Double.isNaN(t)) continue;
                ns[k] = f;
                ts[k++] = t;
            }
            neurons.add(ns);
            times.add(ts);
        }
        return new LayerSpikes(name, size, neurons, times);
    }

    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("time_unit", timeUnit);
        if (Double.isFinite(timeEnd)) o.put("time_end", timeEnd);
        else o.putNull("time_end");
        ArrayNode samples = o.putArray("samples");
        for (int b = 0; b < labels.length; b++) samples.addObject().put("label", labels[b]).put("prediction", predictions[b]);
        ArrayNode ls = o.putArray("layers");
        for (LayerSpikes l : layers) {
            ObjectNode lo = ls.addObject().put("name", l.name()).put("neurons", l.neurons());
            ArrayNode per = lo.putArray("spikes");
            for (int b = 0; b < l.neuron().size(); b++) {
                ObjectNode s = per.addObject();
                ArrayNode ns = s.putArray("neuron");
                for (int v : l.neuron().get(b)) ns.add(v);
                ArrayNode ts = s.putArray("time");
                for (double v : l.time().get(b)) ts.add(v);
            }
        }
        return o.toString();
    }

    /** Reads raster.json; {@code where} names the file in errors. */
    public static SpikeRaster fromJson(String text, String where) {
        try {
            JsonNode o = JSON.readTree(text);
            JsonNode samples = o.get("samples");
            int[] labels = new int[samples.size()];
            int[] preds = new int[samples.size()];
            for (int b = 0; b < labels.length; b++) {
                labels[b] = samples.get(b).get("label").asInt();
                preds[b] = samples.get(b).get("prediction").asInt();
            }
            List<LayerSpikes> layers = new ArrayList<>();
            for (JsonNode l : o.get("layers")) {
                List<int[]> neurons = new ArrayList<>();
                List<double[]> times = new ArrayList<>();
                for (JsonNode s : l.get("spikes")) {
                    int[] ns = new int[s.get("neuron").size()];
                    double[] ts = new double[ns.length];
                    for (int k = 0; k < ns.length; k++) {
                        ns[k] = s.get("neuron").get(k).asInt();
                        ts[k] = s.get("time").get(k).asDouble();
                    }
                    neurons.add(ns);
                    times.add(ts);
                }
                layers.add(new LayerSpikes(l.get("name").asText(), l.get("neurons").asInt(), neurons, times));
            }
            JsonNode end = o.get("time_end");
            return new SpikeRaster(o.get("time_unit").asText(), end == null || end.isNull() ? Double.NaN : end.asDouble(),
                    labels, preds, layers);
        } catch (Exception e) {
            throw new IllegalArgumentException(where + ": not a spike raster written by FirstSpike (" + e.getMessage() + ")", e);
        }
    }
}
