package org.firstspike.core.nir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firstspike.core.layer.AvgPool2d;
import org.firstspike.core.layer.Conv2d;
import org.firstspike.core.layer.Flatten;
import org.firstspike.core.layer.Layer;
import org.firstspike.core.layer.Linear;
import org.firstspike.core.layer.MaxPool2d;
import org.firstspike.core.layer.Shape;
import org.firstspike.core.layer.SynapticWeights;
import org.firstspike.core.net.EttfsNetwork;
import org.firstspike.core.net.Folding;
import org.firstspike.core.net.Network;
import org.firstspike.core.neuron.NeuronConfig;
import org.firstspike.core.neuron.NeuronModel;
import org.firstspike.core.neuron.TtfsNeuronLayer;

/**
 * Maps a FirstSpike ETTFS network onto a NIR graph (docs/NIR.md): Input, then one node per layer of the stack
 * (Flatten, Affine for FC, Conv2d, IF or LIF for the neurons, AvgPool2d), then Output, chained by edges. The weights
 * are the inference weights (normalization folded in, as in model-inference.fspk). A node is named after its NIR
 * type and its position in FirstSpike's layer stack ("affine_1" holds layers.1.weight of the model file), so names are
 * unique and traceable. What NIR cannot say (fire-once neurons, the decoder, the encoding) goes to the metadata.
 */
public final class NirExport {
    private NirExport() {}

    public static NirGraph of(Network net) {
        if (!(net instanceof EttfsNetwork ettfs))
            throw new IllegalArgumentException("NIR export covers ETTFS models, not model.family = " + net.config().family().key()
                    + ": B1 neurons fire at closed-form times inside per-layer time windows (threshold ramps, an output read"
                    + " as potentials at a readout time) and the ReLU twin does not spike; no NIR primitive expresses"
                    + " either (docs/NIR.md)");
        EttfsNetwork folded = Folding.fold(ettfs);
        Map<String, NirNode> nodes = new LinkedHashMap<>();
        List<NirEdge> edges = new ArrayList<>();
        nodes.put("input", new NirNode("Input", Map.of("shape", shape(folded.config().input()))));
        String previous = "input";
        List<Layer> layers = folded.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            NirNode node = node(layer);
            String name = node.type().toLowerCase() + "_" + i;
            nodes.put(name, node);
            edges.add(new NirEdge(previous, name));
            previous = name;
        }
        nodes.put("output", new NirNode("Output", Map.of("shape", NirValue.Longs.vector(folded.config().classes()))));
        edges.add(new NirEdge(previous, "output"));
        return new NirGraph(nodes, edges, NirMetadata.of(folded));
    }

    private static NirNode node(Layer layer) {
        if (layer instanceof Linear l) return affine(l);
        if (layer instanceof Conv2d c) return conv(c);
        if (layer instanceof AvgPool2d p) return avgPool(p);
        if (layer instanceof Flatten f) return flatten(f);
        if (layer instanceof TtfsNeuronLayer n) return neurons(n);
        throw new IllegalArgumentException("NIR export: layer '" + layer.describe() + "' has no NIR primitive"
                + (layer instanceof MaxPool2d ? " (NIR has sum and average pooling, no max pooling)" : ""));
    }

    /** y = W x + b with W (out, in), the layout FirstSpike stores. */
    private static NirNode affine(Linear l) {
        Map<String, NirValue> p = new LinkedHashMap<>();
        p.put("weight", weight(l.weights(), new int[] {l.outputShape().size(), l.inputShape().size()}));
        p.put("bias", bias(l.weights()));
        return new NirNode("Affine", p);
    }

    /** Weight (C_out, C_in, k, k) as stored; square kernel, symmetric zero padding, no dilation, no groups. */
    private static NirNode conv(Conv2d c) {
        Shape in = c.inputShape();
        int k = c.kernel();
        Map<String, NirValue> p = new LinkedHashMap<>();
        p.put("weight", weight(c.weights(), new int[] {c.outputShape().channels(), in.channels(), k, k}));
        p.put("bias", bias(c.weights()));
        p.put("stride", NirValue.Longs.vector(c.stride(), c.stride()));
        p.put("padding", NirValue.Longs.vector(c.padding(), c.padding()));
        p.put("dilation", NirValue.Longs.vector(1, 1));
        p.put("groups", NirValue.Longs.scalar(1));
        p.put("input_shape", NirValue.Longs.vector(in.height(), in.width()));
        return new NirNode("Conv2d", p);
    }

    /** Non-overlapping k x k windows: stride k, no padding (NIR's output size floor(H / k) drops the same rows). */
    private static NirNode avgPool(AvgPool2d pool) {
        int k = pool.kernel();
        Map<String, NirValue> p = new LinkedHashMap<>();
        p.put("kernel_size", NirValue.Longs.vector(k, k));
        p.put("stride", NirValue.Longs.vector(k, k));
        p.put("padding", NirValue.Longs.vector(0, 0));
        return new NirNode("AvgPool2d", p);
    }

    /** NIR shapes have no batch axis, so flattening all of (C, H, W) is start_dim 0 to end_dim -1. */
    private static NirNode flatten(Flatten f) {
        Map<String, NirValue> p = new LinkedHashMap<>();
        p.put("input_type", shape(f.inputShape()));
        p.put("start_dim", NirValue.Longs.scalar(0));
        p.put("end_dim", NirValue.Longs.scalar(-1));
        return new NirNode("Flatten", p);
    }

    /**
     * IF: dv/dt = r I, so with dt = one step and r = 1 the Euler step is FirstSpike's H[t] = V[t-1] + I[t]. LIF:
     * tau dv/dt = (v_leak - v) + r I with v_leak = 0, r = 1 and tau in steps gives H[t] = V[t-1] + (I[t] - V[t-1])/tau.
     * Parameters are per neuron, shaped like the layer. v_reset = 0 is what a resetting backend would use; FirstSpike
     * never resets (a neuron fires once), which the metadata records.
     */
    private static NirNode neurons(TtfsNeuronLayer n) {
        int[] shape = dims(n.outputShape());
        NeuronConfig c = n.config();
        Map<String, NirValue> p = new LinkedHashMap<>();
        boolean lif = c.model() == NeuronModel.LIF;
        if (lif) p.put("tau", NirValue.Floats.filled(shape, c.tau()));
        p.put("r", NirValue.Floats.filled(shape, 1f));
        if (lif) p.put("v_leak", NirValue.Floats.filled(shape, 0f));
        p.put("v_threshold", NirValue.Floats.filled(shape, c.threshold()));
        p.put("v_reset", NirValue.Floats.filled(shape, 0f));
        return new NirNode(lif ? "LIF" : "IF", p);
    }

    /** The weights the inference network computes with (after folding; k-bit quantized when hw.weightBits is set). */
    private static NirValue.Floats weight(SynapticWeights w, int[] shape) {
        return new NirValue.Floats(shape, w.computeEffective().clone());
    }

    private static NirValue.Floats bias(SynapticWeights w) {
        return new NirValue.Floats(new int[] {w.bias().length}, w.bias().clone());
    }

    /** NIR's shape of a FirstSpike shape: (n) for a flat vector, (C, H, W) otherwise. */
    private static int[] dims(Shape s) {
        return s.isFlat() ? new int[] {s.channels()} : new int[] {s.channels(), s.height(), s.width()};
    }

    private static NirValue.Longs shape(Shape s) {
        int[] d = dims(s);
        long[] l = new long[d.length];
        for (int i = 0; i < d.length; i++) l[i] = d[i];
        return NirValue.Longs.vector(l);
    }
}
