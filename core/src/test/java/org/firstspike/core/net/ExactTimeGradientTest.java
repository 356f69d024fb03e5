package org.firstspike.core.net;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.firstspike.core.config.ModelConfigs;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.layer.HiddenUnits;
import org.firstspike.core.neuron.SpikeTimeNeurons;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Acceptance 2 of the B1 model: the exact spike-time gradients match central finite differences of the loss wherever
 * the perturbation changes no spike set (no neuron starts or stops firing, no max-pool winner changes: the loss is
 * then smooth in the parameter). Covers FC and conv layers, max pooling, thresholds D, L1 activity regularization and
 * jitter (the same noise key on both sides of the difference).
 */
class ExactTimeGradientTest {
    private static final float H = 4e-3f;
    private static final long KEY = 12345;

    @ParameterizedTest
    @CsvSource({
            "20, FC12-FC8-FC3, 0, 0",
            "1x6x6, 4C3P1-MP2-FC8-FC3, 0, 0",
            "20, FC12-FC8-FC3, 0.01, 0.05",
            "2x6x6, 3C3S1-4C2-FC6-FC3, 0.005, 0"})
    void gradientsMatchFiniteDifferencesWhereSpikeSetsHold(String input, String layers, String l1, String jitter) {
        ExactTimeNetwork net = (ExactTimeNetwork) Network.create(ModelConfigs.from(TestNets.exact("b1", input, layers, 3,
                "b1.l1", l1, "hw.jitter", jitter)), 5);
        int batch = 6;
        int len = net.sampleLength();
        float[] x = TestNets.uniform(batch * len, 8);
        for (int i = 0; i < x.length; i += 3) x[i] = 0f;  // some inputs never spike
        int[] y = TestNets.labels(batch, 3, 9);
        for (Parameter p : net.parameters())
            if (p.name().equals("bias")) for (int i = 0; i < p.size(); i++) p.value()[i] = 0.1f;  // most neurons fire

        net.zeroGrad();
        net.noiseKey(KEY);
        net.forward(x, batch, y, Engine.FAST);
        List<boolean[]> spikes = spikeSets(net);
        net.backward();

        Random pick = new Random(3);
        int checked = 0, skipped = 0;
        for (Parameter p : net.parameters()) {
            float[] grad = p.grad().clone();
            for (int trial = 0; trial < Math.min(25, p.size()); trial++) {
                int i = pick.nextInt(p.size());
                float keep = p.value()[i];
                p.value()[i] = keep + H;
                double up = loss(net, x, y);
                boolean same = sameSpikes(spikes, spikeSets(net));
                p.value()[i] = keep - H;
                double down = loss(net, x, y);
                same &= sameSpikes(spikes, spikeSets(net));
                p.value()[i] = keep;
                // a max-pool winner that changes keeps the spike set but bends the loss: the two halves then disagree
                double half = (loss(net, x, y, i, p, keep + H / 2) - loss(net, x, y, i, p, keep - H / 2)) / H;
                double fd = (up - down) / (2 * H);
                if (!same || Math.abs(half - fd) > 1e-3 * Math.abs(fd) + 1e-4) {
                    skipped++;
                    continue;
                }
                checked++;
                double g = grad[i];
                assertTrue(Math.abs(g - fd) <= 2e-3 * Math.max(Math.abs(g), Math.abs(fd)) + 5e-5,
                        layers + " " + p.name() + "[" + i + "]: exact " + g + ", finite difference " + fd);
            }
        }
        assertTrue(checked >= 2 * skipped && checked > 40, layers + ": checked " + checked + ", skipped " + skipped);
    }

    private static double loss(ExactTimeNetwork net, float[] x, int[] y) {
        net.noiseKey(KEY);
        return net.forward(x, y.length, y, Engine.FAST).loss();
    }

    private static double loss(ExactTimeNetwork net, float[] x, int[] y, int i, Parameter p, float value) {
        float keep = p.value()[i];
        p.value()[i] = value;
        double l = loss(net, x, y);
        p.value()[i] = keep;
        return l;
    }

    private static List<boolean[]> spikeSets(ExactTimeNetwork net) {
        List<boolean[]> sets = new ArrayList<>();
        sets.add(fired(net.inputSpikes()));
        for (HiddenUnits u : net.hiddenUnits()) sets.add(fired((SpikeTimeNeurons) u));
        return sets;
    }

    private static boolean[] fired(SpikeTimeNeurons n) {
        double[] t = n.lastTimes();
        boolean[] f = new boolean[t.length];
        for (int i = 0; i < t.length; i++) f[i] = t[i] < n.windowEnd();
        return f;
    }

    private static boolean sameSpikes(List<boolean[]> a, List<boolean[]> b) {
        for (int i = 0; i < a.size(); i++) if (!java.util.Arrays.equals(a.get(i), b.get(i))) return false;
        return true;
    }
}
