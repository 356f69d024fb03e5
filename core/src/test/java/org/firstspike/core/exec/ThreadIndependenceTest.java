package org.firstspike.core.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.firstspike.core.layer.Engine;
import org.firstspike.core.net.BatchOutput;
import org.firstspike.core.net.EttfsNetwork;
import org.firstspike.core.net.Network;
import org.firstspike.core.net.ParameterVector;
import org.firstspike.core.net.TestNets;
import org.firstspike.core.train.Optimizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The element-wise loops split work into disjoint ranges: results are bit-identical for any thread count. */
class ThreadIndependenceTest {
    @AfterEach
    void restore() {
        Workers.setThreads(1);
    }

    @Test
    void forwardBackwardAndStepAreIdenticalOnOneAndTwoThreads() {
        float[][] results = new float[2][];
        float[][] logits = new float[2][];
        for (int threads = 1; threads <= 2; threads++) {
            Workers.setThreads(threads);
            EttfsNetwork net = TestNets.network(TestNets.settings("model.input", "1x16x16",
                    "model.layers", "8C3P1-AP2-8C3P1-AP2-FC32-FC10", "neuron.threshold", "0.5"), 3);
            float[] x = TestNets.uniform(64 * net.sampleLength(), 4);
            int[] y = TestNets.labels(64, 10, 5);
            net.zeroGrad();
            BatchOutput out = net.forward(x, 64, y, Engine.FAST);
            net.backward();
            Optimizer.create("adam", net.parameters(), 0.9, 0).step(1e-3);
            results[threads - 1] = ParameterVector.values(net.parameters());
            logits[threads - 1] = out.logits();
        }
        assertArrayEquals(logits[0], logits[1], 0f);
        assertArrayEquals(results[0], results[1], 0f);
    }
}
