package org.firstspike.core.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.firstspike.core.decode.TemporalWeightingDecoder;
import org.firstspike.core.layer.Activation;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.layer.Layer;
import org.firstspike.core.layer.Pass;
import org.firstspike.core.layer.Shape;
import org.firstspike.core.neuron.TtfsNeuronLayer;

/**
 * The ETTFS network (discrete time, T steps): encoded input, the layer stack, and the temporal-weighting decoder. Parameters are separate
 * tensors; {@link ParameterVector} gives the flat view a distributed trainer averages.
 */
public final class EttfsNetwork implements Network {
    private final ModelConfig config;
    private final List<Layer> layers;
    private final List<TtfsNeuronLayer> neuronLayers;
    private final TemporalWeightingDecoder decoder;
    private final List<Parameter> parameters;
    private Activation lastOutputSpikes;

    public EttfsNetwork(ModelConfig config, long seed) {
        this.config = config;
        this.layers = List.copyOf(Architecture.build(config, new Random(seed), new Architecture.Units() {
            @Override public Layer hidden(Shape shape, int index) { return new TtfsNeuronLayer(shape, config.neuron()); }

            @Override public Layer output(Shape shape) { return new TtfsNeuronLayer(shape, config.neuron()); }
        }));
        List<TtfsNeuronLayer> neurons = new ArrayList<>();
        for (Layer l : layers) if (l instanceof TtfsNeuronLayer n) neurons.add(n);
        this.neuronLayers = List.copyOf(neurons);
        this.decoder = new TemporalWeightingDecoder(config.decoder(), config.timeSteps(), config.classes());
        List<Parameter> ps = new ArrayList<>();
        for (Layer l : layers) ps.addAll(l.parameters());
        ps.addAll(decoder.parameters());
        this.parameters = Collections.unmodifiableList(ps);
    }

    @Override public ModelConfig config() { return config; }

    public List<Layer> layers() { return layers; }

    public List<TtfsNeuronLayer> neuronLayers() { return neuronLayers; }

    public TemporalWeightingDecoder decoder() { return decoder; }

    /** Trainable tensors, in a fixed order (layer by layer, then the decoder's learnable scale). */
    @Override public List<Parameter> parameters() { return parameters; }

    /** "layers.{index}.{name}" for every layer tensor (raw weights, gamma and beta), then "decoder.logit_scale". */
    @Override
    public Map<String, Parameter> savedTensors() {
        Map<String, Parameter> m = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++)
            for (Parameter p : layers.get(i).parameters()) m.put("layers." + i + "." + p.name(), p);
        m.put("decoder." + decoder.scaleParameter().name(), decoder.scaleParameter());
        return m;
    }

    @Override public int sampleLength() { return config.encoding().sampleLength(config.input(), config.timeSteps()); }

    @Override
    public BatchOutput forward(float[] samples, int batch, int[] labels, Engine engine) {
        int steps = config.timeSteps();
        Pass pass = new Pass(steps, engine);
        Activation a = config.encoding().encode(samples, batch, config.input(), steps, engine);
        for (Layer l : layers) a = l.forward(a, pass);
        lastOutputSpikes = a;
        float[] logits = decoder.decode(a);
        double loss = labels == null ? Double.NaN : decoder.loss(logits, labels);
        TtfsNeuronLayer out = neuronLayers.get(neuronLayers.size() - 1);
        int[] pred = new int[batch];
        int[] first = new int[batch];
        for (int b = 0; b < batch; b++) {
            pred[b] = decoder.predict(logits, b, out);
            int min = steps;
            for (int k = 0; k < config.classes(); k++) {
                int s = out.firstSpikeStep(b, k);
                if (s >= 0 && s + 1 < min) min = s + 1;
            }
            first[b] = min;
        }
        long[] spikes = new long[neuronLayers.size()];
        for (int i = 0; i < spikes.length; i++) spikes[i] = neuronLayers.get(i).lastSpikeCount();
        return new BatchOutput(logits, loss, pred, spikes, first);
    }

    /** Backpropagates through time. */
    @Override
    public void backward() {
        Activation g = decoder.backward(lastOutputSpikes);
        for (int i = layers.size() - 1; i >= 0; i--) g = layers.get(i).backward(g, i > 0);
    }

    /** Neurons per sample in each neuron layer, for spikes-per-neuron metrics. */
    @Override
    public int[] neuronsPerLayer() {
        int[] n = new int[neuronLayers.size()];
        for (int i = 0; i < n.length; i++) n[i] = neuronLayers.get(i).neuronsPerSample();
        return n;
    }
}
