package org.firstspike.core.infer;

import java.util.Arrays;
import java.util.List;
import org.firstspike.core.layer.Activation;
import org.firstspike.core.layer.Conv2d;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.layer.HiddenUnits;
import org.firstspike.core.layer.Layer;
import org.firstspike.core.layer.Linear;
import org.firstspike.core.layer.Pass;
import org.firstspike.core.layer.Shape;
import org.firstspike.core.net.ExactTimeNetwork;

/**
 * Event-driven inference for the B1 exact-time network (spec 2.3): layer by layer, only the neurons that spike
 * (x = t_max - t > 0, inputs included) are propagated, each through its fan-out once: y = D + sum over spikes of W x.
 * Everything else — spike times from y in the layer's window, early-spike clamping, time quantization, max pooling
 * (earliest spike), the readout — runs the network's own layer code on the one sample, so only the summation order
 * of y differs from the dense pass. Outputs are read at a fixed time: no first spike step and no early stop.
 * Spike-time jitter is refused (it draws noise per pass). Not thread-safe: one instance per thread.
 */
public final class ExactTimeEvents implements EventInference {
    private final ExactTimeNetwork net;
    private final List<Layer> layers;
    private final Projection[] projections;  // null where a layer is not synaptic
    private final float[][] biases;
    private final CurrentBuffer[] currents;
    private final SpikeBuffer events = new SpikeBuffer();
    private final Pass pass = new Pass(1, Engine.FAST);

    private ExactTimeEvents(ExactTimeNetwork net) {
        this.net = net;
        this.layers = net.layers();
        int n = layers.size();
        this.projections = new Projection[n];
        this.biases = new float[n][];
        this.currents = new CurrentBuffer[n];
        for (int i = 0; i < n; i++) {
            Layer l = layers.get(i);
            Fanout f = null;
            if (l instanceof Linear lin) {
                f = new LinearFanout(lin.weights().computeEffective(), lin.inputShape().size(), lin.outputShape().size());
                biases[i] = lin.weights().bias();
            } else if (l instanceof Conv2d conv) {
                f = new ConvFanout(conv.weights().computeEffective(), conv.inputShape(), conv.outputShape(), conv.kernel(),
                        conv.stride(), conv.padding());
                biases[i] = EventDrivenNetwork.perNeuron(conv.weights().bias(), conv.outputShape());
            }
            if (f != null) {
                projections[i] = new Projection(List.of(), f);
                currents[i] = new CurrentBuffer(l.outputShape().size());
            }
        }
    }

    static ExactTimeEvents of(ExactTimeNetwork net) {
        if (net.config().exact().jitter() > 0)
            throw new IllegalArgumentException("hw.jitter draws spike-time noise per pass; predict a jittered B1 model with the dense engine");
        return new ExactTimeEvents(net);
    }

    @Override
    public SampleResult run(float[] values, int offset, boolean earlyStop) {
        Shape input = net.config().input();
        Activation a = net.inputSpikes().forward(
                Activation.dense(Arrays.copyOfRange(values, offset, offset + input.size()), 1, 1, input), pass);
        long synOps = 0;
        long[] spikes = new long[net.hiddenUnits().size()];
        int hidden = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (projections[i] != null) {
                events.clear();
                float[] x = a.data();
                for (int j = 0; j < x.length; j++) if (x[j] != 0f) events.add(j, x[j]);
                currents[i].start(biases[i]);
                synOps += projections[i].propagate(events, currents[i]);
                a = Activation.dense(currents[i].values(), 1, 1, l.outputShape());
            } else {
                a = l.forward(a, pass);
                if (l instanceof HiddenUnits u) spikes[hidden++] = u.lastSpikeCount();
            }
        }
        float[] logits = a.data();
        return new SampleResult(ExactTimeNetwork.readout(logits, 0, logits.length), -1, -1, spikes, synOps, 0);
    }

    @Override public int[] neuronsPerLayer() { return net.neuronsPerLayer(); }

    /** The dense pass multiplies every connection once (one closed-form pass, no time steps). */
    @Override
    public long denseMacs() {
        long s = 0;
        for (Projection p : projections) if (p != null) s += p.synapses();
        return s;
    }
}
