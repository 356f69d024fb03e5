package org.firstspike.core.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.firstspike.core.config.ModelConfigs;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.net.BatchOutput;
import org.firstspike.core.net.ExactTimeNetwork;
import org.firstspike.core.net.Network;
import org.firstspike.core.net.Parameter;
import org.firstspike.core.net.TestNets;
import org.junit.jupiter.api.Test;

/** B1 spike times worked out by hand: windows, the closed form, no-spike, early spikes, jitter, the clock, growth. */
class SpikeTimeNeuronsTest {
    private static final float[] X = {0.2f, 0.4f, 0f};

    /** 3 inputs, 2 hidden B1 neurons, 2 outputs; W1 = [[1, .5, 0], [-1, 0, 0]], D1 = [.1, 0]; W2 = [[2, 0], [0, 1]], D2 = [0, .3]. */
    private static ExactTimeNetwork handBuilt(String... more) {
        String[] kv = new String[more.length];
        System.arraycopy(more, 0, kv, 0, more.length);
        ExactTimeNetwork net = (ExactTimeNetwork) Network.create(ModelConfigs.from(TestNets.exact("b1", "3", "FC2-FC2", 2, kv)), 1);
        Map<String, Parameter> t = net.savedTensors();
        System.arraycopy(new float[] {1f, 0.5f, 0f, -1f, 0f, 0f}, 0, t.get("layers.0.weight").value(), 0, 6);
        System.arraycopy(new float[] {0.1f, 0f}, 0, t.get("layers.0.bias").value(), 0, 2);
        System.arraycopy(new float[] {2f, 0f, 0f, 1f}, 0, t.get("layers.2.weight").value(), 0, 4);
        System.arraycopy(new float[] {0f, 0.3f}, 0, t.get("layers.2.bias").value(), 0, 2);
        return net;
    }

    @Test
    void closedFormSpikeTimesAndReadout() {
        ExactTimeNetwork net = handBuilt();
        BatchOutput out = net.forward(X, 1, null, Engine.FAST);
        // inputs spike at 1 - x; a zero intensity never spikes (t = t_max = 1)
        assertArrayEquals(new double[] {0.8, 0.6, 1.0}, net.inputSpikes().lastTimes(), 1e-7);
        // hidden window [1, 1501): y = D + W x = [0.1 + 0.2 + 0.2, -0.2]; t = t_max - y; the second never fires
        SpikeTimeNeurons h = (SpikeTimeNeurons) net.hiddenUnits().get(0);
        assertEquals(1.0, h.windowStart());
        assertEquals(1501.0, h.windowEnd());
        assertEquals(1501.0 - 0.5, h.lastTimes()[0], 1e-6);
        assertEquals(1501.0, h.lastTimes()[1]);
        assertEquals(1, out.spikesPerLayer()[0]);
        // output potentials read at t_read = 1501: z = D2 + W2 (t_read - t)
        assertArrayEquals(new float[] {1.0f, 0.3f}, out.logits(), 1e-6f);
        assertEquals(0, out.predictions()[0]);
        assertNull(out.firstOutputStep(), "B1 outputs do not spike");
        assertEquals(1501.0, net.windows().readout());
    }

    @Test
    void earlySpikesAreKeptOrClampedToTheWindowStart() {
        // a window of width 0.3 cannot hold activation 0.5: the closed form puts the spike at 1.3 - 0.5 = 0.8 < t_min = 1
        ExactTimeNetwork keep = handBuilt("b1.initialWindow", "0.3");
        BatchOutput k = keep.forward(X, 1, new int[] {0}, Engine.FAST);
        SpikeTimeNeurons hk = (SpikeTimeNeurons) keep.hiddenUnits().get(0);
        assertEquals(0.8, hk.lastTimes()[0], 1e-6);
        assertEquals(1, hk.lastEarlySpikes());
        assertArrayEquals(new float[] {1.0f, 0.3f}, k.logits(), 1e-6f);

        ExactTimeNetwork clamp = handBuilt("b1.initialWindow", "0.3", "b1.earlySpikes", "clamp");
        BatchOutput c = clamp.forward(X, 1, new int[] {0}, Engine.FAST);
        SpikeTimeNeurons hc = (SpikeTimeNeurons) clamp.hiddenUnits().get(0);
        assertEquals(1.0, hc.lastTimes()[0], 1e-9);
        assertArrayEquals(new float[] {0.6f, 0.3f}, c.logits(), 1e-6f);  // activation capped at the width 0.3
        clamp.zeroGrad();
        clamp.backward();
        assertEquals(0f, clamp.savedTensors().get("layers.0.bias").grad()[0], "a clamped spike does not move with D");
    }

    @Test
    void jitterIsReproduciblePerKeyAndLosesSpikesPushedPastTheWindow() {
        ExactTimeNetwork net = handBuilt("hw.jitter", "0.3");
        net.noiseKey(5);
        net.forward(X, 1, null, Engine.FAST);
        double[] first = net.inputSpikes().lastTimes().clone();
        net.noiseKey(5);
        net.forward(X, 1, null, Engine.FAST);
        assertArrayEquals(first, net.inputSpikes().lastTimes(), 0.0);
        net.noiseKey(6);
        net.forward(X, 1, null, Engine.FAST);
        assertNotEquals(first[0], net.inputSpikes().lastTimes()[0]);
        assertEquals(1.0, net.inputSpikes().lastTimes()[2], "a silent input stays silent");

        // over many keys some input spikes (t = 0.8, sigma 0.3) are pushed to t >= 1 and lost; none lands before 0
        int lost = 0;
        for (int key = 0; key < 400; key++) {
            net.noiseKey(key);
            net.forward(X, 1, null, Engine.FAST);
            double t = net.inputSpikes().lastTimes()[0];
            assertTrue(t >= 0 && t <= 1);
            if (t == 1.0) lost++;
        }
        assertTrue(lost > 60 && lost < 180, "P(0.8 + N(0, 0.09) >= 1) = 0.25; lost " + lost + " of 400");
    }

    @Test
    void timeQuantizationMovesSpikesToClockTicks() {
        // 2 bits: 4 ticks per window. Input window [0, 1): t = 0.8 -> 0.75, 0.6 -> 0.5.
        // Hidden window width 1.6 (ticks of 0.4) from t_min = 1: t = 2.6 - 0.5 = 2.1 -> offset 1.1 -> tick 1.2 -> 2.2.
        ExactTimeNetwork net = handBuilt("hw.timeBits", "2", "b1.initialWindow", "1.6");
        BatchOutput out = net.forward(X, 1, null, Engine.FAST);
        assertArrayEquals(new double[] {0.75, 0.5, 1.0}, net.inputSpikes().lastTimes(), 1e-9);
        // y = 0.1 + 1 * 0.25 + 0.5 * 0.5 = 0.6 from the quantized inputs -> t = 2.0 = 1 + 2.5 ticks -> rint -> 2 ticks -> 1.8
        assertEquals(1.8, ((SpikeTimeNeurons) net.hiddenUnits().get(0)).lastTimes()[0], 1e-6);
        assertArrayEquals(new float[] {1.6f, 0.3f}, out.logits(), 1e-5f);
    }

    @Test
    void windowsGrowToTenTimesTheLargestActivationAndNeverShrink() {
        ExactTimeNetwork net = handBuilt("b1.initialWindow", "2");
        net.forward(X, 1, null, Engine.FAST);
        net.afterStep();
        assertEquals(5.0, net.windows().width(0), 1e-6, "10 x 0.5");
        net.forward(new float[] {0.01f, 0f, 0f}, 1, null, Engine.FAST);
        net.afterStep();
        assertEquals(5.0, net.windows().width(0), 1e-6);

        ExactTimeNetwork fixed = handBuilt("b1.initialWindow", "2", "b1.windows", "fixed");
        fixed.forward(X, 1, null, Engine.FAST);
        fixed.afterStep();
        assertEquals(2.0, fixed.windows().width(0));
    }

    @Test
    void familySpecificKeysAreRefusedWhereTheyHaveNoMeaning() {
        assertThrows(IllegalArgumentException.class, () -> ModelConfigs.from(TestNets.exact("relu", "3", "FC2-FC2", 2, "hw.jitter", "0.1")));
        assertThrows(IllegalArgumentException.class, () -> ModelConfigs.from(TestNets.settings("b1.l1", "0.1")));
        IllegalArgumentException ap = assertThrows(IllegalArgumentException.class, () ->
                Network.create(ModelConfigs.from(TestNets.exact("b1", "1x4x4", "2C3P1-AP2-FC2", 2)), 1));
        assertTrue(ap.getMessage().contains("average pooling"), ap.getMessage());
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () ->
                Network.create(ModelConfigs.from(TestNets.exact("b1", "3", "FC2", 2)), 1));
        assertTrue(one.getMessage().contains("hidden layer"), one.getMessage());
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class, () ->
                ModelConfigs.from(TestNets.exact("b1", "3", "FC2-FC2", 2, "b1.windows", "sometimes")));
        assertEquals("b1.windows 'sometimes': expected adaptive or fixed", mode.getMessage());
        IllegalArgumentException bits = assertThrows(IllegalArgumentException.class, () ->
                ModelConfigs.from(TestNets.exact("b1", "3", "FC2-FC2", 2, "hw.weightBits", "17")));
        assertTrue(bits.getMessage().startsWith("hw.weightBits must be in 0..16"), bits.getMessage());
        assertFalse(ModelConfigs.from(TestNets.exact("b1", "3", "FC2-FC2", 2, "norm.enabled", "true")).normalize(),
                "B1 never normalizes weights (the identity map to ReLU needs raw W)");
    }
}
