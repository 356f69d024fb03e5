package org.firstspike.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.firstspike.core.net.BatchOutput;
import org.junit.jupiter.api.Test;

/** Dataset metrics from batch outputs: per-sample spike rates, latency in steps, accuracy, confusion. */
class MetricsAccumulatorTest {
    @Test
    void spikesPerNeuronAreAveragedPerSampleAndNeuron() {
        // two layers of 4 and 2 neurons per sample; two batches of 2 and 1 samples
        MetricsAccumulator acc = new MetricsAccumulator(new int[] {4, 2}, 3);
        acc.add(new BatchOutput(new float[6], 1.0, new int[] {0, 2}, new long[] {6, 2}, new int[] {1, 3}), new int[] {0, 1}, 2);
        acc.add(new BatchOutput(new float[3], 4.0, new int[] {1}, new long[] {2, 1}, new int[] {8}), new int[] {1}, 1);
        EvalResult r = acc.result();
        assertEquals(3, r.samples());
        assertArrayEquals(new double[] {8.0 / 12, 3.0 / 6}, r.spikesPerNeuronByLayer(), 1e-12);
        assertEquals(11.0 / 18, r.spikesPerNeuron(), 1e-12, "all spikes over all neurons of all samples");
        assertEquals(4.0, r.meanFirstSpikeStep(), 1e-12);
        assertEquals(2.0 / 3, r.accuracy(), 1e-12);
        assertEquals(2.0, r.loss(), 1e-12, "loss is averaged per sample, not per batch");
        assertEquals(1, r.confusion()[1][2]);
        assertEquals(1, r.confusion()[1][1]);
        assertEquals(1, r.confusion()[0][0]);
        assertArrayEquals(new long[] {0, 1, 0, 1, 0, 0, 0, 0, 1}, r.firstSpikeSteps(), "samples per first-output-spike step");
    }

    @Test
    void mergedPartitionsGiveTheSameHistogramAndMeanAsOneAccumulator() {
        MetricsAccumulator a = new MetricsAccumulator(new int[] {2}, 2);
        a.add(new BatchOutput(new float[4], 1.0, new int[] {0, 1}, new long[] {1}, new int[] {2, 5}), new int[] {0, 1}, 2);
        MetricsAccumulator b = new MetricsAccumulator(new int[] {2}, 2);
        b.add(new BatchOutput(new float[2], 1.0, new int[] {1}, new long[] {2}, new int[] {2}), new int[] {0}, 1);
        EvalResult r = a.merge(b).result();
        assertArrayEquals(new long[] {0, 0, 2, 0, 0, 1}, r.firstSpikeSteps());
        assertEquals(3.0, r.meanFirstSpikeStep(), 1e-12);
        assertEquals(1, r.confusion()[0][1]);
    }

    @Test
    void aFamilyWithoutOutputSpikesHasNoHistogram() {
        MetricsAccumulator a = new MetricsAccumulator(new int[] {2}, 2);
        a.add(new BatchOutput(new float[2], 1.0, new int[] {1}, new long[] {1}, null), new int[] {1}, 1);
        assertEquals(0, a.result().firstSpikeSteps().length);
        assertEquals(Double.NaN, a.result().meanFirstSpikeStep());
    }
}
