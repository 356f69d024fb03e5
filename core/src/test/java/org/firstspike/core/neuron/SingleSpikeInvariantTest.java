package org.firstspike.core.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.firstspike.core.layer.Activation;
import org.firstspike.core.layer.AvgPool2d;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.layer.Layer;
import org.firstspike.core.layer.MaxPool2d;
import org.firstspike.core.layer.Pass;
import org.firstspike.core.layer.Shape;
import org.firstspike.core.net.EttfsNetwork;
import org.firstspike.core.net.Network;
import org.firstspike.core.net.TestNets;
import org.firstspike.core.surrogate.ATanSurrogate;
import org.junit.jupiter.api.Test;

/** TTFS invariants: at most one spike per neuron over T in every layer; average pooling keeps sums <= 1. */
class SingleSpikeInvariantTest {
    private static final int BATCH = 8;
    private static final int T = 8;

    @Test
    void everyNeuronLayerSpikesAtMostOncePerNeuron() {
        EttfsNetwork net = TestNets.network(TestNets.settings("model.input", "1x12x12",
                "model.layers", "6C3P1-AP2-8C3P1-AP2-FC20-FC10", "neuron.threshold", "0.4"), 3);
        float[] x = TestNets.uniform(BATCH * net.sampleLength(), 5);
        Activation a = net.config().encoding().encode(x, BATCH, net.config().input(), T, Engine.FAST);
        Pass pass = new Pass(T, Engine.FAST);
        int neuronLayers = 0;
        long totalSpikes = 0;
        for (Layer l : net.layers()) {
            a = l.forward(a, pass);
            if (l instanceof TtfsNeuronLayer || l instanceof AvgPool2d) {
                for (float v : sumOverTime(a)) assertTrue(v <= 1f + 1e-6f, l.describe() + ": an output sums to " + v + " over T");
            }
            if (l instanceof TtfsNeuronLayer n) {
                neuronLayers++;
                long spikes = 0;
                for (float v : a.data()) {
                    assertTrue(v == 0f || v == 1f, "spikes are binary");
                    if (v == 1f) spikes++;
                }
                assertEquals(n.lastSpikeCount(), spikes, "reported spike count");
                totalSpikes += spikes;
            }
        }
        assertEquals(4, neuronLayers);
        assertTrue(totalSpikes > 0);
    }

    @Test
    void averagePoolOfSingleSpikesSumsToAtMostOneButMaxPoolCanExceedIt() {
        Shape s = new Shape(1, 2, 2);
        // four inputs of one window spiking at four different steps
        float[] spikes = new float[4 * 4];
        for (int t = 0; t < 4; t++) spikes[t * 4 + t] = 1f;
        Activation in = Activation.dense(spikes, 4, 1, s);
        Pass pass = new Pass(4, Engine.FAST);
        float avgSum = 0;
        for (float v : new AvgPool2d(s, 2).forward(in, pass).data()) avgSum += v;
        float maxSum = 0;
        for (float v : new MaxPool2d(s, 2).forward(in, pass).data()) maxSum += v;
        assertEquals(1f, avgSum, 1e-6f);
        assertEquals(4f, maxSum, 0f, "max pooling passes all four spikes: one output spikes four times");
    }

    @Test
    void integrateAndFireMatchesHandComputation() {
        NeuronConfig cfg = new NeuronConfig(NeuronModel.IF, 1f, 2f, false, new ATanSurrogate(2f), false);
        TtfsNeuronLayer layer = new TtfsNeuronLayer(Shape.flat(3), cfg);
        // constant currents 0.3, 0.5, 1.2: H[t] = (t+1) I crosses 1 at t = 3, 1, 0; 0.3*4 = 1.2 at t=3
        Activation out = layer.forward(Activation.dense(new float[] {0.3f, 0.5f, 1.2f}, 1, 1, Shape.flat(3)), new Pass(4, Engine.FAST));
        assertEquals(3, layer.firstSpikeStep(0, 0));
        assertEquals(1, layer.firstSpikeStep(0, 1));
        assertEquals(0, layer.firstSpikeStep(0, 2));
        assertEquals(1f, out.data()[3 * 3 + 0]);
        assertEquals(1f, out.data()[1 * 3 + 1]);
        assertEquals(3, layer.lastSpikeCount());
    }

    @Test
    void leakyNeuronDecaysTowardsItsInput() {
        NeuronConfig cfg = new NeuronConfig(NeuronModel.LIF, 1f, 2f, false, new ATanSurrogate(2f), false);
        TtfsNeuronLayer layer = new TtfsNeuronLayer(Shape.flat(1), cfg);
        // H[t] = H[t-1] + (I - H[t-1])/2 with I = 1.5: 0.75, 1.125 -> fires at step 1
        layer.forward(Activation.dense(new float[] {1.5f}, 1, 1, Shape.flat(1)), new Pass(4, Engine.FAST));
        assertEquals(1, layer.firstSpikeStep(0, 0));
        assertEquals(1.125f, layer.decisionPotential(0, 0), 1e-6f);
    }

    @Test
    void forcedLastStepFiringGivesEveryNeuronOneSpikeButIsNotCounted() {
        NeuronConfig cfg = new NeuronConfig(NeuronModel.IF, 1f, 2f, true, new ATanSurrogate(2f), false);
        TtfsNeuronLayer layer = new TtfsNeuronLayer(Shape.flat(2), cfg);
        Activation out = layer.forward(Activation.dense(new float[] {0.1f, 2f}, 1, 1, Shape.flat(2)), new Pass(3, Engine.FAST));
        assertEquals(1f, out.data()[2 * 2 + 0], "silent neuron forced to fire at the last step");
        assertEquals(1, layer.lastSpikeCount());
        assertEquals(1, layer.lastForcedSpikeCount());
        assertEquals(-1, layer.firstSpikeStep(0, 0), "a forced spike is not a first spike");
    }

    private static float[] sumOverTime(Activation a) {
        int n = a.batch() * a.features();
        float[] s = new float[n];
        for (int t = 0; t < a.frames(); t++)
            for (int i = 0; i < n; i++) s[i] += a.data()[t * n + i];
        return s;
    }
}
