package org.firstspike.core.neuron;

import org.firstspike.core.net.Parameter;

/**
 * The B1 network's layer-by-layer timing: input spikes live in [0, 1); hidden layer n in [t_min(n), t_max(n)) with
 * t_min(0) = 1 and t_min(n + 1) = t_max(n); the output potential is read at t_max of the last hidden layer. Only
 * the widths are stored (a saved tensor "windows"); the boundaries are sums in double precision, because spike times
 * of order 10^3 must keep activations of order 1 exact.
 */
public final class TimeWindows {
    /** Width of the input window [0, 1): an intensity x in [0, 1] spikes at 1 - x. */
    public static final double INPUT_WIDTH = 1.0;

    private final Parameter widths;

    public TimeWindows(int hiddenLayers, double initialWidth) {
        this.widths = new Parameter("windows", new int[] {hiddenLayers}, false);
        java.util.Arrays.fill(widths.value(), (float) initialWidth);
    }

    /** The widths as a tensor: saved with the model and merged by maximum across workers. */
    public Parameter parameter() { return widths; }

    public int layers() { return widths.size(); }

    public double width(int layer) { return widths.value()[layer]; }

    public double start(int layer) {
        double t = INPUT_WIDTH;
        for (int m = 0; m < layer; m++) t += widths.value()[m];
        return t;
    }

    public double end(int layer) { return start(layer) + width(layer); }

    /** When the output potentials are read: the end of the last hidden window, the network's latency. */
    public double readout() { return end(layers() - 1); }

    /** Adaptive rule: the window grows to {@code factor} times the largest activation seen, never shrinks. */
    public void grow(int layer, double largestActivation, double factor) {
        float[] w = widths.value();
        w[layer] = (float) Math.max(w[layer], factor * largestActivation);
    }

    public void setWidth(int layer, double width) {
        if (!(width > 0)) throw new IllegalArgumentException("window width must be > 0, got " + width);
        widths.value()[layer] = (float) width;
    }
}
