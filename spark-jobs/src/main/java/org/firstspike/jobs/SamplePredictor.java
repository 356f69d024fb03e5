package org.firstspike.jobs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.firstspike.core.data.SampleSet;
import org.firstspike.core.infer.EventInference;
import org.firstspike.core.infer.SampleResult;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.net.BatchOutput;
import org.firstspike.core.net.EttfsNetwork;
import org.firstspike.core.net.Network;
import org.firstspike.core.neuron.TtfsNeuronLayer;

/**
 * Predicts a block of samples with the event-driven engine (one sample at a time, early stop where the decoder
 * allows it) or the dense FAST engine (batches), on whichever JVM holds the block.
 */
final class SamplePredictor {
    private static final int DENSE_BATCH = 256;

    private final Network net;
    private final EventInference events;

    /** {@code event}: the event-driven engine (ETTFS and B1; refused with a message otherwise). */
    SamplePredictor(Network net, boolean event) {
        this.net = net;
        this.events = event ? EventInference.of(net) : null;
    }

    /** Predictions of every sample in {@code samples}; sample i has index {@code indices[i]} and source {@code sources.get(i)}. */
    List<Prediction> predict(SampleSet samples, long[] indices, List<String> sources, boolean labelled) {
        int len = net.sampleLength();
        if (samples.sampleLength() != len)
            throw new IllegalArgumentException("samples have " + samples.sampleLength() + " values, the model expects " + len);
        List<Prediction> out = new ArrayList<>(samples.size());
        float[] x = new float[Math.min(DENSE_BATCH, Math.max(1, samples.size())) * len];
        for (int from = 0; from < samples.size(); from += DENSE_BATCH) {
            int n = Math.min(DENSE_BATCH, samples.size() - from);
            samples.copyRange(from, n, x, null);
            if (events != null) {
                for (int i = 0; i < n; i++) {
                    SampleResult r = events.run(x, i * len, true);
                    int s = from + i;
                    out.add(new Prediction(indices[s], sources.get(s), labelled ? samples.label(s) : -1, r.prediction(),
                            r.firstOutputStep(), r.stepsRun(), r.spikes(), r.synOps()));
                }
            } else {
                BatchOutput o = net.forward(n == DENSE_BATCH ? x : Arrays.copyOf(x, n * len), n, null, Engine.FAST);
                for (int i = 0; i < n; i++) {
                    int s = from + i;
                    out.add(new Prediction(indices[s], sources.get(s), labelled ? samples.label(s) : -1, o.predictions()[i],
                            o.firstOutputStep() == null ? -1 : o.firstOutputStep()[i], net instanceof EttfsNetwork ? net.config().timeSteps() : -1,
                            spikes(i), -1));
                }
            }
        }
        return out;
    }

    /** Real spikes of sample b in the last dense pass, over all neuron layers; -1 for networks without them. */
    private long spikes(int b) {
        if (!(net instanceof EttfsNetwork e)) return -1;
        long s = 0;
        for (TtfsNeuronLayer l : e.neuronLayers())
            for (int f = 0; f < l.neuronsPerSample(); f++) if (l.firstSpikeStep(b, f) >= 0) s++;
        return s;
    }
}
