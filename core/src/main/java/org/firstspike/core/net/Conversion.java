package org.firstspike.core.net;

import java.util.Map;

/**
 * The ReLU network to B1 network mapping (spec 2.2): with A = 0, B = 1 and threshold t_max - t_min - D the B1
 * parameters equal the ReLU ones (W = w, D = b), so conversion copies the tensors; the windows stay at the initial
 * width (a B1 source keeps its own) unless fitted to data with WindowFit. Predictions are identical as long as
 * no spike falls before its window opens.
 */
public final class Conversion {
    private Conversion() {}

    /** A B1 network built from {@code target} holding {@code source}'s tensors (a ReLU or B1 network of the same layers). */
    public static ExactTimeNetwork toB1(Network source, ModelConfig target) {
        ModelConfig c = source.config();
        if (target.family() != NetworkFamily.B1 || c.family() == NetworkFamily.ETTFS)
            throw new IllegalArgumentException("conversion maps a ReLU or B1 network to B1, not " + c.family().key() + " to "
                    + target.family().key());
        if (!c.input().equals(target.input()) || !c.layers().equalsIgnoreCase(target.layers()) || c.classes() != target.classes())
            throw new IllegalArgumentException("conversion keeps the architecture: " + c.input() + " " + c.layers() + " vs "
                    + target.input() + " " + target.layers());
        ExactTimeNetwork net = new ExactTimeNetwork(target, 0L);
        Map<String, Parameter> to = net.savedTensors();
        for (Map.Entry<String, Parameter> e : source.savedTensors().entrySet())
            System.arraycopy(e.getValue().value(), 0, to.get(e.getKey()).value(), 0, e.getValue().size());
        return net;
    }
}
