package org.firstspike.core.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.firstspike.core.decode.SoftmaxCrossEntropy;
import org.firstspike.core.hw.SpikeJitter;
import org.firstspike.core.hw.TimeQuantization;
import org.firstspike.core.layer.Activation;
import org.firstspike.core.layer.ActivityL1;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.layer.HiddenUnits;
import org.firstspike.core.layer.Layer;
import org.firstspike.core.layer.Pass;
import org.firstspike.core.layer.Relu;
import org.firstspike.core.layer.Shape;
import org.firstspike.core.neuron.SpikeTimeNeurons;
import org.firstspike.core.neuron.TimeWindows;

/**
 * The B1 exact-time network (Stanojevic et al., spec section 2), or with {@code model.family = relu} the ReLU network
 * it maps onto. Inputs x in [0, 1] spike at t = 1 - x; every hidden synaptic layer feeds {@link SpikeTimeNeurons}
 * that fire once, at a closed-form time inside the layer's window; max pooling keeps the earliest spike; the output
 * layer does not spike: its potentials at the readout time are the logits z_k = D_k + sum_j W_kj x_j, trained with
 * softmax cross-entropy (plus L1 on hidden activity when asked). The gradients are the exact derivatives through the
 * spike times, which equal the ReLU twin's; after each optimizer step the windows grow to
 * {@code b1.windowGrowth} times the largest activation of the batch.
 */
public final class ExactTimeNetwork implements Network {
    private final ModelConfig config;
    private final TimeWindows windows;
    private final SpikeJitter jitter;
    private final SpikeTimeNeurons inputSpikes;
    private final List<Layer> layers;
    private final List<HiddenUnits> hidden;
    private final List<Parameter> parameters;
    private float[] dLogits;
    private int batch;

    public ExactTimeNetwork(ModelConfig config, long seed) {
        if (config.family() == NetworkFamily.ETTFS) throw new IllegalArgumentException("an ETTFS config builds an EttfsNetwork");
        this.config = config;
        ExactTimeConfig x = config.exact();
        boolean spiking = config.family() == NetworkFamily.B1;
        int hiddenCount = Math.max(0, Architecture.hiddenLayers(config.layers()));
        this.windows = spiking ? new TimeWindows(hiddenCount, x.initialWindow()) : null;
        this.jitter = new SpikeJitter(x.jitter());
        TimeQuantization clock = new TimeQuantization(x.timeBits());
        ActivityL1 l1 = new ActivityL1(x.l1());
        this.inputSpikes = spiking
                ? new SpikeTimeNeurons(config.input(), null, -1, true, jitter, clock, new ActivityL1(0)) : null;
        this.layers = List.copyOf(Architecture.build(config, new Random(seed), new Architecture.Units() {
            @Override
            public Layer hidden(Shape shape, int index) {
                return spiking ? new SpikeTimeNeurons(shape, windows, index, x.clampEarlySpikes(), jitter, clock, l1)
                        : new Relu(shape, l1);
            }

            @Override public Layer output(Shape shape) { return null; }

            @Override
            public String averagePoolingRefused() {
                return "average pooling has no single-spike exact-time form; use MP (max pooling = earliest spike)";
            }
        }));
        List<HiddenUnits> units = new ArrayList<>();
        List<Parameter> ps = new ArrayList<>();
        for (Layer l : layers) {
            if (l instanceof HiddenUnits u) units.add(u);
            ps.addAll(l.parameters());
        }
        if (units.isEmpty())
            throw new IllegalArgumentException("model.layers '" + config.layers() + "': model.family=" + config.family().key()
                    + " needs at least one hidden layer before the output FC (the output layer does not spike)");
        this.hidden = List.copyOf(units);
        this.parameters = Collections.unmodifiableList(ps);
    }

    @Override public ModelConfig config() { return config; }

    @Override public int sampleLength() { return config.input().size(); }

    @Override public List<Parameter> parameters() { return parameters; }

    @Override public List<Parameter> buffers() { return windows == null ? List.of() : List.of(windows.parameter()); }

    /** "layers.{index}.{name}" for every layer tensor, then "windows" (B1 only). */
    @Override
    public Map<String, Parameter> savedTensors() {
        Map<String, Parameter> m = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++)
            for (Parameter p : layers.get(i).parameters()) m.put("layers." + i + "." + p.name(), p);
        if (windows != null) m.put(windows.parameter().name(), windows.parameter());
        return m;
    }

    public List<Layer> layers() { return layers; }

    public List<HiddenUnits> hiddenUnits() { return hidden; }

    /** The layer windows (null for the ReLU family). */
    public TimeWindows windows() { return windows; }

    /** The input layer's spike times of the last pass (null for the ReLU family). */
    public SpikeTimeNeurons inputSpikes() { return inputSpikes; }

    @Override public void noiseKey(long key) { jitter.reseed(key); }

    @Override
    public BatchOutput forward(float[] samples, int batch, int[] labels, Engine engine) {
        this.batch = batch;
        Pass pass = new Pass(1, engine);
        Activation a = Activation.dense(samples, 1, batch, config.input());
        if (inputSpikes != null) a = inputSpikes.forward(a, pass);
        for (Layer l : layers) a = l.forward(a, pass);
        float[] logits = a.data();
        int k = config.classes();
        double loss = Double.NaN;
        if (labels != null) {
            dLogits = new float[batch * k];
            loss = SoftmaxCrossEntropy.lossAndGradient(logits, labels, batch, k, dLogits);
            for (HiddenUnits u : hidden) loss += u.lastL1Loss();
        }
        int[] pred = new int[batch];
        for (int b = 0; b < batch; b++) pred[b] = readout(logits, b * k, k);
        long[] spikes = new long[hidden.size()];
        for (int i = 0; i < spikes.length; i++) spikes[i] = hidden.get(i).lastSpikeCount();
        return new BatchOutput(logits, loss, pred, spikes, null);
    }

    /** The predicted class: the largest output potential at t_read, the lowest index among equals. */
    public static int readout(float[] logits, int offset, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) if (logits[offset + c] > logits[offset + best]) best = c;
        return best;
    }

    @Override
    public void backward() {
        Activation g = Activation.dense(dLogits, 1, batch, Shape.flat(config.classes()));
        for (int i = layers.size() - 1; i >= 0; i--) g = layers.get(i).backward(g, i > 0);
    }

    /** The adaptive t_max rule (spec 2.6): each window grows to windowGrowth x the batch's largest activation. */
    @Override
    public void afterStep() {
        if (windows == null || !config.exact().adaptiveWindows()) return;
        for (int n = 0; n < hidden.size(); n++)
            windows.grow(n, hidden.get(n).lastLargestActivation(), config.exact().windowGrowth());
    }

    @Override
    public int[] neuronsPerLayer() {
        int[] n = new int[hidden.size()];
        for (int i = 0; i < n.length; i++) n[i] = hidden.get(i).neuronsPerSample();
        return n;
    }
}
