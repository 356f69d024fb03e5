package org.firstspike.core.metrics;

import org.firstspike.core.net.BatchOutput;

/** Sums batch outputs into dataset-level metrics. */
public final class MetricsAccumulator implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] neuronsPerLayer;
    private final long[] spikes;
    private final long[][] confusion;
    private long samples;
    private long correct;
    private double lossSum;
    private long firstStepSum;
    private long firstStepSamples;
    private long[] firstStepCounts = new long[0];  // grows to the largest step seen: T is not known here

    public MetricsAccumulator(int[] neuronsPerLayer, int classes) {
        this.neuronsPerLayer = neuronsPerLayer.clone();
        this.spikes = new long[neuronsPerLayer.length];
        this.confusion = new long[classes][classes];
    }

    public void add(BatchOutput out, int[] labels, int batch) {
        for (int b = 0; b < batch; b++) {
            confusion[labels[b]][out.predictions()[b]]++;
            if (labels[b] == out.predictions()[b]) correct++;
            if (out.firstOutputStep() != null) countFirstStep(out.firstOutputStep()[b], 1);
        }
        if (out.firstOutputStep() != null) firstStepSamples += batch;
        for (int i = 0; i < spikes.length; i++) spikes[i] += out.spikesPerLayer()[i];
        lossSum += out.loss() * batch;
        samples += batch;
    }

    /** Adds another accumulator's counts (a partition's, in distributed evaluation); returns this. */
    public MetricsAccumulator merge(MetricsAccumulator o) {
        if (o.spikes.length != spikes.length || o.confusion.length != confusion.length)
            throw new IllegalArgumentException("metrics of different networks cannot be merged");
        for (int i = 0; i < spikes.length; i++) spikes[i] += o.spikes[i];
        for (int i = 0; i < confusion.length; i++)
            for (int j = 0; j < confusion.length; j++) confusion[i][j] += o.confusion[i][j];
        samples += o.samples;
        correct += o.correct;
        lossSum += o.lossSum;
        firstStepSamples += o.firstStepSamples;
        for (int step = 0; step < o.firstStepCounts.length; step++) countFirstStep(step, o.firstStepCounts[step]);
        return this;
    }

    private void countFirstStep(int step, long n) {
        if (n == 0) return;
        if (step >= firstStepCounts.length) firstStepCounts = java.util.Arrays.copyOf(firstStepCounts, step + 1);
        firstStepCounts[step] += n;
        firstStepSum += step * n;
    }

    public long samples() { return samples; }

    public double accuracy() { return samples == 0 ? 0 : (double) correct / samples; }

    public double meanLoss() { return samples == 0 ? 0 : lossSum / samples; }

    public EvalResult result() {
        double[] perLayer = new double[spikes.length];
        long totalSpikes = 0;
        long totalNeurons = 0;
        for (int i = 0; i < spikes.length; i++) {
            perLayer[i] = (double) spikes[i] / (samples * (double) neuronsPerLayer[i]);
            totalSpikes += spikes[i];
            totalNeurons += neuronsPerLayer[i];
        }
        long[][] conf = new long[confusion.length][];
        for (int i = 0; i < conf.length; i++) conf[i] = confusion[i].clone();
        return new EvalResult((int) samples, accuracy(), meanLoss(), perLayer,
                (double) totalSpikes / (samples * (double) totalNeurons), firstStepSamples == 0 ? Double.NaN : (double) firstStepSum / firstStepSamples, conf, firstStepCounts.clone());
    }
}
