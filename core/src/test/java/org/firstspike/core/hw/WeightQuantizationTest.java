package org.firstspike.core.hw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeSet;
import org.firstspike.core.config.ModelConfigs;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.net.ExactTimeNetwork;
import org.firstspike.core.net.Network;
import org.firstspike.core.net.Parameter;
import org.firstspike.core.net.TestNets;
import org.junit.jupiter.api.Test;

/** k-bit weights: the levels, the straight-through gradient, and their use inside a network. */
class WeightQuantizationTest {

    @Test
    void fourBitsGiveSixteenEvenLevelsWithNearestRoundingAndClipping() {
        WeightQuantization q = new WeightQuantization(4, -1f, 1f);
        float[] w = TestNets.uniform(5000, 3);
        for (int i = 0; i < w.length; i++) w[i] = 3 * w[i] - 1.5f;  // [-1.5, 1.5): some outside the range
        float[] out = new float[w.length];
        q.quantize(w, out);
        TreeSet<Float> levels = new TreeSet<>();
        double step = 2.0 / 15;
        for (int i = 0; i < w.length; i++) {
            levels.add(out[i]);
            double clipped = Math.max(-1, Math.min(1, w[i]));
            assertTrue(Math.abs(out[i] - clipped) <= step / 2 + 1e-6, w[i] + " -> " + out[i]);
        }
        assertEquals(16, levels.size());
        assertEquals(-1f, levels.first());
        assertEquals(1f, levels.last());
        assertThrows(IllegalArgumentException.class, () -> new WeightQuantization(4, 1f, -1f));
    }

    @Test
    void straightThroughGradientStopsOnlyOutsideTheRange() {
        WeightQuantization q = new WeightQuantization(2, -0.5f, 0.5f);
        float[] g = {1f, 1f, 1f, 1f};
        q.straightThrough(new float[] {-0.7f, -0.5f, 0.2f, 0.9f}, g);
        assertArrayEquals(new float[] {0f, 1f, 1f, 0f}, g);
    }

    @Test
    void networksComputeWithQuantizedWeightsAndTrainTheFullPrecisionOnes() {
        ExactTimeNetwork net = (ExactTimeNetwork) Network.create(ModelConfigs.from(TestNets.exact("b1", "8", "FC6-FC3", 3,
                "hw.weightBits", "3", "hw.weightMin", "-0.5", "hw.weightMax", "0.5")), 2);
        ExactTimeNetwork plain = (ExactTimeNetwork) Network.create(ModelConfigs.from(TestNets.exact("b1", "8", "FC6-FC3", 3)), 2);
        Map<String, Parameter> t = net.savedTensors();
        Map<String, Parameter> p = plain.savedTensors();
        // the plain twin holds the quantized weights the quantizing network computes with
        for (String name : t.keySet()) {
            float[] v = t.get(name).value();
            if (name.endsWith("weight")) new WeightQuantization(3, -0.5f, 0.5f).quantize(v, p.get(name).value());
            else System.arraycopy(v, 0, p.get(name).value(), 0, v.length);
        }
        float[] x = TestNets.uniform(4 * 8, 5);
        int[] y = TestNets.labels(4, 3, 6);
        float[] raw = t.get("layers.0.weight").value().clone();
        assertArrayEquals(plain.forward(x, 4, y, Engine.FAST).logits(), net.forward(x, 4, y, Engine.FAST).logits(), 1e-6f);
        assertArrayEquals(raw, t.get("layers.0.weight").value(), 0f, "stored weights stay full precision");
        net.zeroGrad();
        plain.zeroGrad();
        net.backward();
        plain.backward();
        float[] g = t.get("layers.0.weight").grad();
        float[] gp = p.get("layers.0.weight").grad();
        for (int i = 0; i < g.length; i++) assertEquals(Math.abs(raw[i]) > 0.5 ? 0f : gp[i], g[i], 1e-7f);
    }
}
