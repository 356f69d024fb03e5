package org.firstspike.core.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.firstspike.core.config.ModelConfigs;
import org.firstspike.core.config.Settings;
import org.firstspike.core.data.SampleSet;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.metrics.MetricsAccumulator;
import org.firstspike.core.neuron.SpikeTimeNeurons;
import org.firstspike.core.train.LearningRateSchedule;
import org.firstspike.core.train.MinibatchStep;
import org.firstspike.core.train.Optimizer;
import org.firstspike.core.train.Shuffle;
import org.firstspike.core.train.TrainConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Acceptance 1 of the B1 model: a B1 network and its ReLU twin, same init and data order, follow the same parameter
 * trajectory step by step and predict identically. The B1 windows start narrow (0.5) so that the adaptive rule grows
 * them during the run: the timing machinery must not disturb the trajectory.
 */
class ExactTimeTwinTest {
    private static final int STEPS = 220;
    private static final int BATCH = 32;

    @ParameterizedTest
    @CsvSource({"1x28x28, FC340-FC10", "1x12x12, 6C3P1-MP2-FC24-FC10", "64, FC48-FC32-FC10"})
    void b1AndReluTwinFollowTheSameTrajectory(String input, String layers) {
        String[] train = {"b1.initialWindow", "0.5", "train.batchSize", Integer.toString(BATCH), "train.lr", "0.002",
                "train.warmup", "0"};
        Settings b1s = TestNets.exact("b1", input, layers, 10, train);
        Settings relus = TestNets.exact("relu", input, layers, 10, train);
        ExactTimeNetwork b1 = (ExactTimeNetwork) Network.create(ModelConfigs.from(b1s), 7);
        ExactTimeNetwork relu = (ExactTimeNetwork) Network.create(ModelConfigs.from(relus), 7);
        assertArrayEquals(ParameterVector.values(relu.parameters()), ParameterVector.values(b1.parameters()), 0f, "same init");

        int len = b1.sampleLength();
        SampleSet data = TestNets.prototypes(STEPS * BATCH, len, 10, 3);
        TrainConfig cfg = TrainConfig.from(b1s);
        LearningRateSchedule lr = cfg.schedule(STEPS);
        Optimizer ob = Optimizer.create(cfg.optimizer(), b1.parameters(), cfg.momentum(), cfg.weightDecay());
        Optimizer or = Optimizer.create(cfg.optimizer(), relu.parameters(), cfg.momentum(), cfg.weightDecay());
        MinibatchStep sb = new MinibatchStep(b1, ob, lr, cfg, 0);
        MinibatchStep sr = new MinibatchStep(relu, or, lr, cfg, 0);
        int[] order = Shuffle.permutation(data.size(), 1, 1);
        MetricsAccumulator ab = new MetricsAccumulator(b1.neuronsPerLayer(), 10);
        MetricsAccumulator ar = new MetricsAccumulator(relu.neuronsPerLayer(), 10);
        double worst = 0, worstGrad = 0;
        for (int step = 0; step < STEPS; step++) {
            sb.run(data, order, step * BATCH, ab, "b1");
            sr.run(data, order, step * BATCH, ar, "relu");
            float[] pb = ParameterVector.values(b1.parameters());
            float[] pr = ParameterVector.values(relu.parameters());
            for (int i = 0; i < pb.length; i++) worst = Math.max(worst, Math.abs(pb[i] - pr[i]) / (1 + Math.abs(pr[i])));
            // the gradients of the step, not only the (Adam-normalized) updates
            float[] gb = ParameterVector.gradients(b1.parameters());
            float[] gr = ParameterVector.gradients(relu.parameters());
            for (int i = 0; i < gb.length; i++) worstGrad = Math.max(worstGrad, Math.abs(gb[i] - gr[i]) / (1e-3 + Math.abs(gr[i])));
        }
        assertTrue(worstGrad <= 1e-4, "largest relative gradient difference: " + worstGrad);
        System.out.printf("B1 vs ReLU twin %s %s: largest relative parameter difference over %d steps %.3g, "
                + "gradient difference %.3g%n", input, layers, STEPS, worst, worstGrad);
        assertTrue(worst <= 1e-5, "largest relative parameter difference over " + STEPS + " steps: " + worst);
        assertTrue(ab.accuracy() > 0.5, "the twins learned: training accuracy " + ab.accuracy());

        // the windows grew past 10x the largest activation; no spike came before its window opened
        for (int n = 0; n < b1.windows().layers(); n++) {
            assertTrue(b1.windows().width(n) > 0.5, "window " + n + " grew: " + b1.windows().width(n));
            assertTrue(b1.windows().width(n) >= 10 * b1.hiddenUnits().get(n).lastLargestActivation() * (1 - 1e-6));
            assertEquals(0, ((SpikeTimeNeurons) b1.hiddenUnits().get(n)).lastEarlySpikes());
        }

        SampleSet test = TestNets.prototypes(500, len, 10, 99);
        float[] x = new float[test.size() * len];
        int[] y = new int[test.size()];
        for (int i = 0; i < test.size(); i++) {
            test.copySample(i, x, i * len);
            y[i] = test.label(i);
        }
        BatchOutput ob1 = b1.forward(x, test.size(), y, Engine.FAST);
        BatchOutput orl = relu.forward(x, test.size(), y, Engine.FAST);
        assertArrayEquals(orl.predictions(), ob1.predictions(), "identical predictions");
        assertArrayEquals(orl.spikesPerLayer(), ob1.spikesPerLayer(), "B1 spikes = active ReLU units");
    }
}
