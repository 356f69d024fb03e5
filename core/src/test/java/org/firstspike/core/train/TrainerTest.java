package org.firstspike.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.firstspike.core.config.Settings;
import org.firstspike.core.net.EttfsNetwork;
import org.firstspike.core.net.Network;
import org.firstspike.core.net.ParameterVector;
import org.firstspike.core.net.TestNets;
import org.junit.jupiter.api.Test;

/** Training on a learnable synthetic task: it learns, and a given seed repeats bit for bit. */
class TrainerTest {

    private static Settings settings(String optimizer) {
        return TestNets.settings("model.input", "1x4x4", "model.layers", "FC12-FC2", "model.classes", "2",
                "train.epochs", "3", "train.batchSize", "16", "train.optimizer", optimizer, "train.lr",
                optimizer.equals("sgd") ? "0.05" : "0.01");
    }

    @Test
    void learnsASimpleTaskWithAdamAndSgd() {
        for (String opt : List.of("adam", "sgd")) {
            Settings s = settings(opt);
            EttfsNetwork net = TestNets.network(s, 1);
            List<EpochReport> r = new Trainer(net, TrainConfig.from(s)).fit(TestNets.halves(512, 2), TestNets.halves(256, 3), new TrainingListener() {});
            assertEquals(3, r.size());
            assertTrue(r.get(2).test().accuracy() > 0.9, opt + " accuracy " + r.get(2).test().accuracy());
        }
    }

    @Test
    void sameSeedSameParameters() {
        Settings s = settings("adam");
        float[][] finals = new float[2][];
        for (int run = 0; run < 2; run++) {
            EttfsNetwork net = TestNets.network(s, 5);
            new Trainer(net, TrainConfig.from(s)).fit(TestNets.halves(256, 2), TestNets.halves(64, 3), new TrainingListener() {});
            finals[run] = ParameterVector.values(net.parameters());
        }
        assertArrayEquals(finals[0], finals[1], 0f);
    }

    @Test
    void warmupThenCosineToZero() {
        LearningRateSchedule lr = new LearningRateSchedule(1.0, 10, 110, LearningRateSchedule.Kind.COSINE, 1, 1);
        assertEquals(0.1, lr.at(0), 1e-12);
        assertEquals(1.0, lr.at(9), 1e-12);
        assertEquals(1.0, lr.at(10), 1e-12);
        assertEquals(0.5, lr.at(60), 1e-12);
        assertEquals(0.0, lr.at(110), 1e-12);
    }

    @Test
    void adamFirstStepMovesEachWeightByTheLearningRate() {
        EttfsNetwork net = TestNets.network(TestNets.settings("model.input", "4", "model.layers", "FC2", "model.classes", "2",
                "norm.enabled", "false"), 1);
        var w = net.parameters().get(0);
        float[] before = w.value().clone();
        for (int i = 0; i < w.size(); i++) w.grad()[i] = (i % 2 == 0 ? 1 : -1) * (i + 1) * 0.01f;
        new Adam(net.parameters(), 0.9, 0.999, 1e-8, 0).step(0.1);
        for (int i = 0; i < w.size(); i++)
            assertEquals(before[i] - Math.signum(w.grad()[i]) * 0.1, w.value()[i], 1e-5, "Adam's first step is lr * sign(g)");
    }
}
