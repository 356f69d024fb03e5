package org.firstspike.core.infer;

import java.util.ArrayList;
import java.util.List;
import org.firstspike.core.decode.TemporalWeightingDecoder;
import org.firstspike.core.encode.InputEncoding;
import org.firstspike.core.layer.AvgPool2d;
import org.firstspike.core.layer.Conv2d;
import org.firstspike.core.layer.Flatten;
import org.firstspike.core.layer.Layer;
import org.firstspike.core.layer.Linear;
import org.firstspike.core.layer.Shape;
import org.firstspike.core.net.EttfsNetwork;
import org.firstspike.core.net.Folding;
import org.firstspike.core.net.ModelConfig;
import org.firstspike.core.neuron.NeuronConfig;
import org.firstspike.core.neuron.TtfsNeuronLayer;

/**
 * Event-driven inference for ETTFS networks: cost grows with the spikes, not with T x neurons. Per sample the steps
 * run in order and, within a step, the layers in order (the step-by-step schedule, so an output spike is known at
 * the step it happens); every event (input spike or frame value, hidden spike) is propagated once through its
 * fan-out, and a neuron is touched only when input reaches it or its predicted crossing comes due
 * ({@link EventNeurons}). A direct-encoded image is analog: its non-zero pixels go once through the first synaptic
 * layer's fan-out (counted as analog MACs, not SynOps; measured faster than a batch-1 BLAS product, which packs the
 * whole weight matrix per call) and the first neuron layer then sees that constant current.
 * <p>Early stop: when the decoder's step weights are positive and strictly decreasing with a positive scale
 * ({@link TemporalWeightingDecoder#earliestSpikeDecides()}), the first step with an output spike decides the class
 * (ties among the outputs firing then broken by the decoder's own rule), so the sample ends there.
 * <p>Input currents are summed in float as the dense layers sum them, but in event order; potentials and closed forms
 * are double. Predictions are the same (tested); a hidden spike can move by a step where a potential lies within
 * rounding of the threshold.
 * Not thread-safe: one instance per thread.
 */
public final class EventDrivenNetwork implements EventInference {
    private final InputEncoding encoding;
    private final Shape input;
    private final int steps;
    private final List<Projection> projections;  // projection l feeds neuron layer l
    private final List<EventNeurons> layers;
    private final SpikeBuffer inputEvents = new SpikeBuffer();
    private final SpikeBuffer[] outputs;
    private final TemporalWeightingDecoder decoder;
    private final boolean earliestSpikeDecides;
    private final double[] analogDrive;
    private final int[] latencyStart;  // LATENCY: input indices grouped by spike step, counting-sorted per sample
    private final int[] latencyOrder;
    private int sample;
    private long tick;  // numbers every (sample, layer, step) input window; long: never wraps

    private EventDrivenNetwork(EttfsNetwork folded) {
        ModelConfig c = folded.config();
        NeuronConfig neuron = c.neuron();
        if (neuron.smoothSpikes())
            throw new IllegalArgumentException("neuron.smoothSpikes is a gradient-check mode without 0/1 spikes; event-driven inference needs real spikes");
        this.encoding = c.encoding();
        this.input = c.input();
        this.steps = c.timeSteps();
        this.decoder = folded.decoder();
        this.earliestSpikeDecides = decoder.earliestSpikeDecides();
        NeuronDynamics dynamics = NeuronDynamics.of(neuron, steps);
        List<Projection> ps = new ArrayList<>();
        List<EventNeurons> ns = new ArrayList<>();
        List<PoolMap> pools = new ArrayList<>();
        Fanout fanout = null;
        float[] bias = null;
        for (Layer l : folded.layers()) {
            if (l instanceof AvgPool2d p) {
                pools.add(new PoolMap(p.inputShape(), p.kernel()));
            } else if (l instanceof Flatten) {
                continue;  // C-major layout: flattening keeps every index
            } else if (l instanceof Linear lin) {
                fanout = new LinearFanout(lin.weights().computeEffective(), lin.inputShape().size(), lin.outputShape().size());
                bias = lin.weights().bias();
            } else if (l instanceof Conv2d conv) {
                fanout = new ConvFanout(conv.weights().computeEffective(), conv.inputShape(), conv.outputShape(), conv.kernel(),
                        conv.stride(), conv.padding());
                bias = perNeuron(conv.weights().bias(), conv.outputShape());
            } else if (l instanceof TtfsNeuronLayer) {
                ps.add(new Projection(pools, fanout));
                ns.add(new EventNeurons(l.outputShape().size(), steps, neuron.threshold(), neuron.forceFireAtLastStep(), dynamics, bias));
                pools.clear();
            } else {
                throw new IllegalArgumentException("event-driven inference: layer " + l.describe() + " is not supported (max pooling "
                        + "lets a neuron spike up to k^2 times; use average pooling, or --engine dense)");
            }
        }
        this.projections = List.copyOf(ps);
        this.layers = List.copyOf(ns);
        this.outputs = new SpikeBuffer[layers.size()];
        for (int i = 0; i < outputs.length; i++) outputs[i] = new SpikeBuffer();
        this.analogDrive = new double[layers.get(0).size()];
        this.latencyStart = new int[steps + 1];
        this.latencyOrder = new int[input.size()];
    }

    /** The engine for a trained or folded ETTFS model. */
    public static EventDrivenNetwork of(EttfsNetwork net) {
        return new EventDrivenNetwork(Folding.fold(net));
    }

    /** A convolution's bias is per output channel; its neurons are channel-major. */
    static float[] perNeuron(float[] channelBias, Shape out) {
        int positions = out.height() * out.width();
        float[] b = new float[out.size()];
        for (int i = 0; i < b.length; i++) b[i] = channelBias[i / positions];
        return b;
    }

    public int timeSteps() { return steps; }

    /** Neurons per neuron layer. */
    @Override
    public int[] neuronsPerLayer() {
        return layers.stream().mapToInt(EventNeurons::size).toArray();
    }

    /** Connections per synaptic layer. */
    public long[] synapsesPerLayer() {
        return projections.stream().mapToLong(Projection::synapses).toArray();
    }

    /** Multiply-adds of a dense pass over all T steps: T x all connections (what the DENSE engine computes). */
    @Override
    public long denseMacs() {
        long s = 0;
        for (long v : synapsesPerLayer()) s += v;
        return s * steps;
    }

    /**
     * Runs one sample: {@code values} from {@code offset} holds what {@link Network#sampleLength()} says (an image
     * for DIRECT and LATENCY, T frames for FRAMES). {@code earlyStop} ends the sample at the deciding output spike
     * when the decoder allows it.
     */
    @Override
    public SampleResult run(float[] values, int offset, boolean earlyStop) {
        sample++;
        long analogMacs = 0;
        long synOps = 0;
        if (encoding == InputEncoding.DIRECT) {
            EventNeurons first = layers.get(0);
            first.startStep(tick++);
            inputEvents.clear();
            for (int i = 0; i < input.size(); i++) if (values[offset + i] != 0f) inputEvents.add(i, values[offset + i]);
            analogMacs = projections.get(0).propagate(inputEvents, first);
            first.startSampleWithAddedDrive(sample, analogDrive);
            inputEvents.clear();
        } else {
            layers.get(0).startSample(sample);
            if (encoding == InputEncoding.LATENCY) groupByLatency(values, offset);
        }
        for (int l = 1; l < layers.size(); l++) layers.get(l).startSample(sample);
        EventNeurons out = layers.get(layers.size() - 1);
        int t = 0;
        for (; t < steps; t++) {
            if (encoding != InputEncoding.DIRECT) inputAt(t, values, offset);
            SpikeBuffer events = inputEvents;
            long outputSpikes = 0;
            for (int l = 0; l < layers.size(); l++) {
                EventNeurons n = layers.get(l);
                n.startStep(tick++);
                synOps += projections.get(l).propagate(events, n);
                outputs[l].clear();
                outputSpikes = n.update(t, outputs[l]);
                events = outputs[l];
            }
            // with forced last-step spikes, silent classes tie with a spike at T-1: the full decode settles that
            if (earlyStop && earliestSpikeDecides && outputSpikes > 0 && t < steps - 1) {
                t++;
                break;
            }
        }
        long[] spikes = new long[layers.size()];
        for (int l = 0; l < spikes.length; l++) spikes[l] = layers.get(l).spikes();
        return new SampleResult(decide(out), firstOutputStep(out), t, spikes, synOps, analogMacs);
    }

    /** The dense decoder's logits (scale x w[step] of each counted output spike, 0 for silence) and its argmax rule. */
    private int decide(EventNeurons out) {
        float scale = decoder.logitScale();
        float[] logits = new float[out.size()];
        for (int k = 0; k < logits.length; k++) {
            int s = out.decodedStep(k);
            logits[k] = s >= 0 ? scale * (0f + decoder.stepWeight(s)) : 0f;
        }
        return decoder.predict(logits, 0, out::decisionPotential);
    }

    private int firstOutputStep(EventNeurons out) {
        int first = steps;
        for (int k = 0; k < out.size(); k++) {
            int s = out.spikeStep(k);
            if (s >= 0 && s + 1 < first) first = s + 1;
        }
        return first;
    }

    /** Step of neuron n's real spike in neuron layer l during the last sample, or -1 (for comparisons and tests). */
    public int spikeStep(int layer, int n) { return layers.get(layer).spikeStep(n); }

    private void groupByLatency(float[] values, int offset) {
        java.util.Arrays.fill(latencyStart, 0);
        int f = input.size();
        for (int i = 0; i < f; i++) {
            int s = InputEncoding.latencyStep(values[offset + i], steps);
            if (s >= 0) latencyStart[s + 1]++;
        }
        for (int s = 0; s < steps; s++) latencyStart[s + 1] += latencyStart[s];
        int[] fill = latencyStart.clone();
        for (int i = 0; i < f; i++) {
            int s = InputEncoding.latencyStep(values[offset + i], steps);
            if (s >= 0) latencyOrder[fill[s]++] = i;
        }
    }

    /** The input events of step t: LATENCY spikes (value 1), or the non-zero values of frame t (FRAMES counts). */
    private void inputAt(int t, float[] values, int offset) {
        inputEvents.clear();
        if (encoding == InputEncoding.LATENCY) {
            for (int i = latencyStart[t]; i < latencyStart[t + 1]; i++) inputEvents.add(latencyOrder[i], 1f);
        } else {
            int base = offset + t * input.size();
            for (int i = 0; i < input.size(); i++) if (values[base + i] != 0f) inputEvents.add(i, values[base + i]);
        }
    }
}
