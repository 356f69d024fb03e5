package org.firstspike.core.train;

import org.firstspike.core.data.SampleSet;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.metrics.EvalResult;
import org.firstspike.core.metrics.MetricsAccumulator;
import org.firstspike.core.net.BatchOutput;
import org.firstspike.core.net.Network;

/** Runs a network over a dataset in order and collects {@link EvalResult}. */
public final class Evaluator {
    private Evaluator() {}

    public static EvalResult evaluate(Network net, SampleSet data, int batchSize, Engine engine) {
        return accumulate(net, data, batchSize, engine).result();
    }

    /** The metric sums over {@code data}, mergeable with other partitions' sums. */
    public static MetricsAccumulator accumulate(Network net, SampleSet data, int batchSize, Engine engine) {
        int len = net.sampleLength();
        if (data.sampleLength() != len)
            throw new IllegalArgumentException("dataset samples have " + data.sampleLength() + " values, the model expects " + len);
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        float[] samples = new float[batchSize * len];
        int[] labels = new int[batchSize];
        MetricsAccumulator acc = new MetricsAccumulator(net.neuronsPerLayer(), net.config().classes());
        for (int from = 0; from < order.length; from += batchSize) {
            int n = Batches.fill(data, order, from, batchSize, samples, labels);
            float[] x = n == batchSize ? samples : java.util.Arrays.copyOf(samples, n * len);
            int[] y = n == batchSize ? labels : java.util.Arrays.copyOf(labels, n);
            net.noiseKey(NoiseKeys.of(0, NoiseKeys.EVALUATION, from));
            BatchOutput out = net.forward(x, n, y, engine);
            acc.add(out, y, n);
        }
        return acc;
    }
}
