package org.firstspike.core.net;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.firstspike.core.config.Settings;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.neuron.TtfsNeuronLayer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * In smooth-spike mode the neuron emits the surrogate's primitive, so BPTT with the surrogate derivative is the exact
 * gradient; it must match central finite differences for every parameter kind. Coordinates whose perturbation
 * changes the (hard-threshold) firing mask are discontinuities of the loss and are skipped, and counted.
 */
class GradientCheckTest {
    private static final int BATCH = 3;

    @ParameterizedTest(name = "{0} norm={1} engine={2} neuron={3}")
    @CsvSource({
            "1x4x4, FC7-FC3, true, fast, if",
            "1x4x4, FC7-FC3, false, fast, if",
            "1x4x4, FC7-FC3, true, reference, if",
            "1x4x4, FC7-FC3, true, dense, if",
            "1x4x4, FC6-FC5-FC3, true, fast, lif",
            "1x6x6, 2C3P1-AP2-FC3, true, fast, if",
            "1x6x6, 2C3P1-AP2-FC3, false, reference, if",
            "2x6x6, 3C3S2P1-FC4-FC3, true, fast, lif",
    })
    void bpttMatchesFiniteDifferences(String input, String layers, boolean norm, String engine, String neuron) {
        Settings s = TestNets.settings("model.input", input, "model.layers", layers, "model.classes", "3",
                "model.timeSteps", "4", "neuron.smoothSpikes", "true", "neuron.model", neuron,
                "norm.enabled", Boolean.toString(norm), "decoder.learnableScale", "true", "decoder.logitScale", "2.0",
                "neuron.threshold", "0.6");
        EttfsNetwork net = TestNets.network(s, 7);
        Engine mode = Engine.parse(engine);
        float[] x = TestNets.uniform(BATCH * net.sampleLength(), 3);
        int[] y = TestNets.labels(BATCH, 3, 5);

        net.zeroGrad();
        net.forward(x, BATCH, y, mode);
        List<int[]> mask = masks(net);
        assertMaskIsExercised(mask);
        net.backward();

        Map<String, double[]> err = new HashMap<>();  // kind -> {sum sq diff, sum sq numeric, sum sq analytic}
        int checked = 0;
        int skipped = 0;
        float eps = 4e-3f;
        for (Parameter p : net.parameters()) {
            float[] v = p.value();
            for (int i = 0; i < v.length; i++) {
                float old = v[i];
                v[i] = old + eps;
                double lp = net.forward(x, BATCH, y, mode).loss();
                boolean samePlus = sameMasks(mask, masks(net));
                v[i] = old - eps;
                double lm = net.forward(x, BATCH, y, mode).loss();
                boolean sameMinus = sameMasks(mask, masks(net));
                v[i] = old;
                if (!samePlus || !sameMinus) {
                    skipped++;
                    continue;
                }
                checked++;
                double num = (lp - lm) / (2 * eps);
                double ana = p.grad()[i];
                double[] e = err.computeIfAbsent(p.name(), k -> new double[3]);
                e[0] += (num - ana) * (num - ana);
                e[1] += num * num;
                e[2] += ana * ana;
            }
        }
        assertTrue(skipped * 4 < checked, "too many mask-changing coordinates: " + skipped + " of " + (checked + skipped));
        List<String> kinds = new ArrayList<>(err.keySet());
        for (String k : List.of("weight", "logit_scale")) assertTrue(kinds.contains(k), "no " + k + " checked: " + kinds);
        if (norm) for (String k : List.of("gamma", "beta")) assertTrue(kinds.contains(k), "no " + k + " checked: " + kinds);
        else assertTrue(kinds.contains("bias"), "no bias checked: " + kinds);
        for (var e : err.entrySet()) {
            double[] v = e.getValue();
            double rel = Math.sqrt(v[0]) / Math.max(1e-12, Math.max(Math.sqrt(v[1]), Math.sqrt(v[2])));
            assertTrue(rel < 1e-3, e.getKey() + ": relative error " + rel + " (|num| " + Math.sqrt(v[1]) + ", |ana| " + Math.sqrt(v[2]) + ")");
        }
    }

    private static List<int[]> masks(EttfsNetwork net) {
        List<int[]> m = new ArrayList<>();
        for (TtfsNeuronLayer l : net.neuronLayers()) {
            int n = l.neuronsPerSample();
            int[] steps = new int[BATCH * n];
            for (int b = 0; b < BATCH; b++)
                for (int f = 0; f < n; f++) steps[b * n + f] = l.firstSpikeStep(b, f);
            m.add(steps);
        }
        return m;
    }

    private static boolean sameMasks(List<int[]> a, List<int[]> b) {
        for (int i = 0; i < a.size(); i++) if (!java.util.Arrays.equals(a.get(i), b.get(i))) return false;
        return true;
    }

    private static void assertMaskIsExercised(List<int[]> masks) {
        int fired = 0;
        int silent = 0;
        for (int[] m : masks)
            for (int s : m) {
                if (s >= 0) fired++;
                else silent++;
            }
        assertTrue(fired > 0 && silent > 0, "test net should have both firing and silent neurons: fired " + fired + ", silent " + silent);
    }
}
