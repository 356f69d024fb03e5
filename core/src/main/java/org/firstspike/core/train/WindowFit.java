package org.firstspike.core.train;

import org.firstspike.core.data.SampleSet;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.net.ExactTimeNetwork;

/**
 * Sets a B1 network's windows from data, layer by layer: width(n) = scale x the largest activation of layer n over
 * the samples, measured with the windows of layers before n already fitted (their clamping and quantization change
 * what layer n sees). scale = 1 is the tightest window that clips no training spike; smaller scales cut latency
 * (spikes that would come before the window opens are clamped or kept per b1.earlySpikes); the adaptive rule keeps
 * scale 10.
 */
public final class WindowFit {
    private WindowFit() {}

    /** Fits every window; returns the new widths. */
    public static double[] fit(ExactTimeNetwork net, SampleSet data, double scale, int batchSize, Engine engine) {
        if (net.windows() == null) throw new IllegalArgumentException("only B1 networks have time windows");
        if (!(scale > 0)) throw new IllegalArgumentException("window scale must be > 0, got " + scale);
        int len = net.sampleLength();
        if (data.sampleLength() != len)
            throw new IllegalArgumentException("dataset samples have " + data.sampleLength() + " values, the model expects " + len);
        int layers = net.windows().layers();
        double[] widths = new double[layers];
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        float[] samples = new float[batchSize * len];
        int[] labels = new int[batchSize];
        for (int n = 0; n < layers; n++) {
            double largest = 0;
            for (int from = 0; from < order.length; from += batchSize) {
                int count = Batches.fill(data, order, from, batchSize, samples, labels);
                net.forward(java.util.Arrays.copyOf(samples, count * len), count, null, engine);
                largest = Math.max(largest, net.hiddenUnits().get(n).lastLargestActivation());
            }
            if (!(largest > 0))
                throw new IllegalStateException("hidden layer " + (n + 1) + " never fires on these samples; its window cannot be fitted");
            widths[n] = scale * largest;
            net.windows().setWidth(n, widths[n]);
        }
        return widths;
    }
}
