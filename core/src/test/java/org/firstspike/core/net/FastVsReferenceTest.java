package org.firstspike.core.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.firstspike.core.config.Settings;
import org.firstspike.core.layer.Engine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast engine (constant input once, single-spike inputs event by event) and the dense BLAS engine must compute
 * the same spikes, predictions and gradients as the plain reference definition.
 */
class FastVsReferenceTest {
    private static final int BATCH = 16;

    @ParameterizedTest(name = "{0} {1} encoding={2} norm={3}")
    @CsvSource({
            "1x8x8, FC40-FC10, direct, true, if",
            "1x8x8, FC40-FC10, direct, false, lif",
            "1x8x8, FC30-FC20-FC20-FC10, direct, true, if",
            "1x8x8, FC30-FC20-FC10, latency, true, if",
            "1x8x8, 4C3P1-AP2-6C3P1-AP2-FC12-FC10, direct, true, if",
            "2x8x8, 4C3S2P1-MP2-FC10, latency, false, lif",
            "2x8x8, 4C3P1-AP2-FC10, frames, true, if",
            "1x8x8, FC20-FC10, frames, false, if",
    })
    void enginesAgree(String input, String layers, String encoding, boolean norm, String neuron) {
        Settings s = TestNets.settings("model.input", input, "model.layers", layers, "model.encoding", encoding,
                "norm.enabled", Boolean.toString(norm), "neuron.model", neuron, "decoder.learnableScale", "true",
                "neuron.threshold", "0.5");
        EttfsNetwork ref = TestNets.network(s, 11);
        float[] x = TestNets.uniform(BATCH * ref.sampleLength(), 13);
        int[] y = TestNets.labels(BATCH, 10, 17);
        ref.zeroGrad();
        BatchOutput r = ref.forward(x, BATCH, y, Engine.REFERENCE);
        ref.backward();
        float[] gRef = ParameterVector.gradients(ref.parameters());
        assertTrue(r.spikesPerLayer()[0] > 0, "first layer should spike");

        for (Engine e : new Engine[] {Engine.FAST, Engine.DENSE}) {
            EttfsNetwork net = TestNets.network(s, 11);
            net.zeroGrad();
            BatchOutput o = net.forward(x, BATCH, y, e);
            net.backward();
            assertArrayEquals(r.spikesPerLayer(), o.spikesPerLayer(), e + ": spike counts");
            assertArrayEquals(r.predictions(), o.predictions(), e + ": predictions");
            assertArrayEquals(r.firstOutputStep(), o.firstOutputStep(), e + ": first output steps");
            assertArrayEquals(r.logits(), o.logits(), 1e-5f, e + ": logits");
            assertEquals(r.loss(), o.loss(), 1e-5, e + ": loss");
            float[] g = ParameterVector.gradients(net.parameters());
            double diff = 0;
            double norm2 = 0;
            for (int i = 0; i < g.length; i++) {
                diff += (g[i] - gRef[i]) * (double) (g[i] - gRef[i]);
                norm2 += gRef[i] * (double) gRef[i];
            }
            assertTrue(norm2 > 0, "reference gradient is zero");
            assertTrue(Math.sqrt(diff / norm2) < 1e-4, e + ": gradient relative difference " + Math.sqrt(diff / norm2));
        }
    }
}
