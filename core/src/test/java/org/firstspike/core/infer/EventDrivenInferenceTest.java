package org.firstspike.core.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.firstspike.core.config.Settings;
import org.firstspike.core.data.IdxFormat;
import org.firstspike.core.data.SampleSet;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.net.BatchOutput;
import org.firstspike.core.net.EttfsNetwork;
import org.firstspike.core.net.Network;
import org.firstspike.core.net.TestNets;
import org.firstspike.core.neuron.TtfsNeuronLayer;
import org.firstspike.core.train.TrainConfig;
import org.firstspike.core.train.Trainer;
import org.firstspike.core.train.TrainingListener;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The event-driven engine predicts what the dense engines predict: briefly trained networks on real Fashion-MNIST
 * (FC and conv, IF and LIF, direct and latency input) and untrained ones on generated DVS-like frames and under the
 * decoder and neuron options; the same first output steps; early stop gives the prediction of the full run; hidden
 * spikes are counted where rounding moves them (double accumulation against float).
 */
class EventDrivenInferenceTest {
    private static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    /** Brief training (a few hundred minibatches at most) only has to lift the networks clearly above chance (10 %). */
    @ParameterizedTest(name = "{0} {1} {3}")
    @CsvSource({
            "FC200-FC10, if, 1.0, direct, 4000, 1000, 200, 0.6",
            "FC200-FC10, lif, 1.0, direct, 4000, 1000, 200, 0.6",
            "FC200-FC10, if, 1.0, latency, 4000, 1000, 200, 0.45",
            "6C3P1-AP2-12C3P1-AP2-FC48-FC10, lif, 0.5, direct, 2000, 300, 60, 0.25",
            "6C3P1-AP2-12C3P1-AP2-FC48-FC10, if, 1.0, latency, 2000, 300, 60, 0.3",
    })
    void trainedOnFashionMnistPredictsLikeTheDenseEngines(String layers, String neuron, String threshold, String encoding, int trainSamples,
                                                          int samples, int referenceSamples, double minAccuracy) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(FASHION_MNIST), "Fashion-MNIST not installed");
        Settings s = TestNets.settings("model.input", "1x28x28", "model.layers", layers, "model.timeSteps", "8",
                "neuron.model", neuron, "neuron.threshold", threshold, "model.encoding", encoding, "train.epochs", "1", "train.batchSize", "32",
                "train.lr", "0.002", "train.threads", "1", "train.evalBatchSize", "500");
        EttfsNetwork net = TestNets.network(s, 3);
        SampleSet train = new IdxFormat().load(FASHION_MNIST, "train", trainSamples).samples();
        SampleSet test = new IdxFormat().load(FASHION_MNIST, "test", samples).samples();
        new Trainer(net, TrainConfig.from(s)).fit(train, new IdxFormat().load(FASHION_MNIST, "test", 100).samples(), new TrainingListener() {});
        float[] x = new float[samples * net.sampleLength()];
        for (int i = 0; i < samples; i++) test.copySample(i, x, i * net.sampleLength());
        Agreement a = compare(net, x, samples, referenceSamples);
        int correct = 0;
        for (int i = 0; i < samples; i++) if (a.predictions[i] == test.label(i)) correct++;
        System.out.printf("event-driven %s %s %s: accuracy %.3f on %d, hidden spikes moved %d of %d, synOps/sample %.0f%n",
                layers, neuron, encoding, correct / (double) samples, samples, a.movedSpikes, a.hiddenSpikes, a.synOps / (double) samples);
        assertTrue(correct > minAccuracy * samples, "the network learned something: " + correct + " of " + samples);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
            "2x8x8, FC40-FC10, frames, if, exponential, false",
            "2x8x8, 4C3P1-AP2-6C3S2P1-FC10, frames, lif, exponential, false",
            "2x8x8, FC30-FC20-FC10, frames, if, count, false",
            "1x8x8, FC30-FC10, direct, if, linear, true",
            "1x8x8, 4C3P1-AP2-FC10, latency, if, exponential, true",
    })
    void untrainedNetworksAndOptionsAgree(String input, String layers, String encoding, String neuron, String weighting,
                                          boolean forceFire) {
        Settings s = TestNets.settings("model.input", input, "model.layers", layers, "model.encoding", encoding,
                "neuron.model", neuron, "decoder.weighting", weighting, "neuron.forceFireAtLastStep", Boolean.toString(forceFire),
                "neuron.threshold", "0.7");
        EttfsNetwork net = TestNets.network(s, 21);
        int n = 400;
        float[] x = encoding.equals("frames") ? frames(n * net.sampleLength(), 5) : TestNets.uniform(n * net.sampleLength(), 5);
        Agreement a = compare(net, x, n, n);
        assertTrue(a.hiddenSpikes > 0, "hidden layers spike");
    }

    /** B1: only spiking inputs propagated, y = D + sum over spikes of W x; the rest is the network's own layer code. */
    @ParameterizedTest(name = "B1 {1}")
    @CsvSource({
            "1x28x28, FC340-FC10, true",
            "1x8x8, 4C3P1-MP2-6C3P1-FC16-FC10, false",
            "1x8x8, FC30-FC20-FC10, false",
    })
    void exactTimeNetworksPredictLikeTheDensePass(String input, String layers, boolean fashionMnist) throws IOException {
        Settings s = TestNets.exact("b1", input, layers, 10, "train.epochs", "1", "train.batchSize", "32", "train.threads", "1",
                // untrained: a narrow window so that 64 time ticks (hw.timeBits 6) and early-spike clamping both act
                "b1.earlySpikes", fashionMnist ? "keep" : "clamp", "hw.timeBits", fashionMnist ? "0" : "6",
                "b1.initialWindow", fashionMnist ? "1500" : "2", "b1.windows", fashionMnist ? "adaptive" : "fixed");
        Network net = Network.create(org.firstspike.core.config.ModelConfigs.from(s), 7);
        int n = 500;
        float[] x;
        if (fashionMnist) {
            Assumptions.assumeTrue(Files.isDirectory(FASHION_MNIST), "Fashion-MNIST not installed");
            new Trainer(net, TrainConfig.from(s)).fit(new IdxFormat().load(FASHION_MNIST, "train", 4000).samples(),
                    new IdxFormat().load(FASHION_MNIST, "test", 100).samples(), new TrainingListener() {});
            SampleSet test = new IdxFormat().load(FASHION_MNIST, "test", n).samples();
            x = new float[n * net.sampleLength()];
            for (int i = 0; i < n; i++) test.copySample(i, x, i * net.sampleLength());
        } else {
            x = TestNets.uniform(n * net.sampleLength(), 9);
        }
        BatchOutput dense = net.forward(x, n, null, Engine.FAST);
        EventInference events = EventInference.of(net);
        int[] predictions = new int[n];
        long[] spikes = new long[dense.spikesPerLayer().length];
        long synOps = 0;
        for (int b = 0; b < n; b++) {
            SampleResult r = events.run(x, b * net.sampleLength(), true);
            predictions[b] = r.prediction();
            for (int l = 0; l < spikes.length; l++) spikes[l] += r.spikesPerLayer()[l];
            synOps += r.synOps();
            assertEquals(-1, r.firstOutputStep(), "B1 outputs are read at a fixed time");
        }
        assertArrayEquals(dense.predictions(), predictions, "event vs dense B1 predictions");
        assertArrayEquals(dense.spikesPerLayer(), spikes, "hidden spikes");
        assertTrue(spikes[0] > 0 && spikes[0] < (long) n * events.neuronsPerLayer()[0], "some hidden neurons spike: " + spikes[0]);
        assertTrue(synOps < (long) n * events.denseMacs(), "fewer SynOps than dense MACs");
    }

    @Test
    void refusesWhatItCannotRunEventByEvent() {
        Network relu = Network.create(org.firstspike.core.config.ModelConfigs.from(
                TestNets.exact("relu", "1x4x4", "FC8-FC2", 2)), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventInference.of(relu));
        assertTrue(e.getMessage().contains("model.family=relu"), e.getMessage());
        Network jittered = Network.create(org.firstspike.core.config.ModelConfigs.from(
                TestNets.exact("b1", "1x4x4", "FC8-FC2", 2, "hw.jitter", "0.1")), 1);
        e = assertThrows(IllegalArgumentException.class, () -> EventInference.of(jittered));
        assertTrue(e.getMessage().contains("hw.jitter"), e.getMessage());
        EttfsNetwork maxPool = TestNets.network(TestNets.settings("model.input", "1x8x8", "model.layers", "4C3P1-MP2-FC10"), 1);
        e = assertThrows(IllegalArgumentException.class, () -> EventDrivenNetwork.of(maxPool));
        assertTrue(e.getMessage().contains("MP2"), e.getMessage());
    }

    /** Sparse event counts, about 12 % of the entries non-zero, 1 to 3 events each. */
    private static float[] frames(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) if (r.nextFloat() < 0.12f) x[i] = 1 + r.nextInt(3);
        return x;
    }

    private record Agreement(int[] predictions, long hiddenSpikes, long movedSpikes, long synOps) {}

    /**
     * Runs the event engine with and without early stop, the FAST engine on all samples and REFERENCE on the first
     * {@code referenceSamples}, and asserts equal predictions and first output steps.
     */
    private static Agreement compare(EttfsNetwork net, float[] x, int n, int referenceSamples) {
        int len = net.sampleLength();
        BatchOutput fast = net.forward(x, n, null, Engine.FAST);
        int[][] fastSteps = new int[net.neuronLayers().size()][];
        for (int l = 0; l < fastSteps.length; l++) {
            TtfsNeuronLayer layer = net.neuronLayers().get(l);
            fastSteps[l] = new int[n * layer.neuronsPerSample()];
            for (int b = 0; b < n; b++)
                for (int f = 0; f < layer.neuronsPerSample(); f++) fastSteps[l][b * layer.neuronsPerSample() + f] = layer.firstSpikeStep(b, f);
        }
        EventDrivenNetwork events = EventDrivenNetwork.of(net);
        int[] full = new int[n];
        int[] firstFull = new int[n];
        long hidden = 0;
        long moved = 0;
        long synOps = 0;
        for (int b = 0; b < n; b++) {
            SampleResult r = events.run(x, b * len, false);
            full[b] = r.prediction();
            firstFull[b] = r.firstOutputStep();
            synOps += r.synOps();
            assertEquals(net.config().timeSteps(), r.stepsRun());
            for (int l = 0; l < fastSteps.length - 1; l++) {
                int size = net.neuronLayers().get(l).neuronsPerSample();
                for (int f = 0; f < size; f++) {
                    int dense = fastSteps[l][b * size + f];
                    if (dense >= 0) hidden++;
                    if (dense != events.spikeStep(l, f)) moved++;
                }
            }
            SampleResult early = events.run(x, b * len, true);
            assertEquals(r.prediction(), early.prediction(), "early stop changes the prediction of sample " + b);
            assertEquals(r.firstOutputStep(), early.firstOutputStep(), "early stop, first output step of sample " + b);
            assertTrue(early.stepsRun() <= r.stepsRun() && early.synOps() <= r.synOps());
        }
        assertArrayEquals(fast.predictions(), full, "event vs FAST predictions");
        assertArrayEquals(fast.firstOutputStep(), firstFull, "event vs FAST first output steps");
        assertTrue(moved <= Math.max(2, hidden / 10_000), "hidden spikes moved by rounding: " + moved + " of " + hidden);
        long[] fastSpikes = fast.spikesPerLayer();
        assertEquals(fastSpikes.length, events.neuronsPerLayer().length);

        int m = referenceSamples;
        BatchOutput ref = net.forward(java.util.Arrays.copyOf(x, m * len), m, null, Engine.REFERENCE);
        assertArrayEquals(ref.predictions(), java.util.Arrays.copyOf(full, m), "event vs REFERENCE predictions");
        assertArrayEquals(ref.firstOutputStep(), java.util.Arrays.copyOf(firstFull, m), "event vs REFERENCE first output steps");
        return new Agreement(full, hidden, moved, synOps);
    }
}
