package org.firstspike.core.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.firstspike.core.layer.Activation;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.layer.Pass;
import org.firstspike.core.layer.Shape;
import org.firstspike.core.neuron.NeuronConfig;
import org.firstspike.core.neuron.NeuronModel;
import org.firstspike.core.neuron.TtfsNeuronLayer;
import org.firstspike.core.surrogate.ATanSurrogate;
import org.junit.jupiter.api.Test;

/** Temporal weighting: earlier spikes give larger logits; equal first steps are ranked by membrane potential. */
class TieBreakTest {
    private static final int T = 4;

    private static TtfsNeuronLayer outputs(float... currents) {
        TtfsNeuronLayer l = new TtfsNeuronLayer(Shape.flat(currents.length),
                new NeuronConfig(NeuronModel.IF, 1f, 2f, false, new ATanSurrogate(2f), false));
        l.forward(Activation.dense(currents, 1, 1, Shape.flat(currents.length)), new Pass(T, Engine.FAST));
        return l;
    }

    private static int predict(TieBreak rule, float... currents) {
        TtfsNeuronLayer l = outputs(currents);
        Activation spikes = l.forward(Activation.dense(currents, 1, 1, Shape.flat(currents.length)), new Pass(T, Engine.FAST));
        TemporalWeightingDecoder d = new TemporalWeightingDecoder(
                new DecoderConfig(TemporalWeighting.EXPONENTIAL, 2, 1, false, rule), T, currents.length);
        return d.predict(d.decode(spikes), 0, l);
    }

    @Test
    void earlierSpikeWins() {
        // class 2 fires at step 0, class 0 at step 1
        assertEquals(2, predict(TieBreak.INDEX, 0.6f, 0.1f, 1.1f));
    }

    @Test
    void tiesAtTheSameStepGoToTheHigherPotentialOrTheLowerIndex() {
        // classes 0 and 1 both fire at step 0; class 1 with the larger potential
        assertEquals(1, predict(TieBreak.POTENTIAL, 1.2f, 1.9f, 0.2f));
        assertEquals(0, predict(TieBreak.INDEX, 1.2f, 1.9f, 0.2f));
    }

    @Test
    void withNoOutputSpikeThePotentialDecides() {
        assertEquals(2, predict(TieBreak.POTENTIAL, 0.1f, 0.05f, 0.2f));
    }

    @Test
    void weightingsFollowTheirDefinitions() {
        assertArrayEquals(new float[] {1f, 0.5f, 0.25f, 0.125f}, TemporalWeighting.EXPONENTIAL.weights(4, 2), 0f);
        assertArrayEquals(new float[] {1f, 0.75f, 0.5f, 0.25f}, TemporalWeighting.LINEAR.weights(4, 2), 0f);
        assertArrayEquals(new float[] {1f, 1f, 1f, 1f}, TemporalWeighting.COUNT.weights(4, 2), 0f);
    }
}
