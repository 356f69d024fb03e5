package org.firstspike.core.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.firstspike.core.layer.Activation;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.layer.Layer;
import org.firstspike.core.layer.Pass;
import org.firstspike.core.neuron.NeuronModel;
import org.firstspike.core.neuron.TtfsNeuronLayer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ETTFS's step-by-step schedule (at each step t every layer updates in order, on the spikes of the same step) gives
 * exactly what the engine computes layer by layer over all T steps. The oracle below runs that schedule literally,
 * keeping each neuron's potential and firing mask between steps.
 */
class StepByStepScheduleTest {
    private static final int BATCH = 6;
    private static final int T = 6;

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
            "1x8x8, FC24-FC16-FC10, if, direct, 0.5",
            "1x8x8, 4C3P1-AP2-FC16-FC10, lif, direct, 0.15",
            "2x8x8, 4C3P1-MP2-FC10, if, frames, 0.5",
    })
    void layerByLayerEqualsStepByStep(String input, String layers, String neuron, String encoding, String threshold) {
        EttfsNetwork net = TestNets.network(TestNets.settings("model.input", input, "model.layers", layers,
                "model.timeSteps", Integer.toString(T), "neuron.model", neuron, "model.encoding", encoding,
                "neuron.threshold", threshold), 9);
        float[] x = TestNets.uniform(BATCH * net.sampleLength(), 10);
        BatchOutput engine = net.forward(x, BATCH, null, Engine.FAST);
        float[] stepLogits = stepByStep(net, x);
        assertArrayEquals(engine.logits(), stepLogits, 1e-5f);
        long outputSpikes = engine.spikesPerLayer()[engine.spikesPerLayer().length - 1];
        assertTrue(outputSpikes > 0 && outputSpikes < (long) BATCH * 10, "output layer should partly fire: " + outputSpikes);
    }

    private static float[] stepByStep(EttfsNetwork net, float[] samples) {
        ModelConfig cfg = net.config();
        Activation all = cfg.encoding().encode(samples, BATCH, cfg.input(), T, Engine.REFERENCE);
        List<Layer> layers = net.layers();
        float[][] v = new float[layers.size()][];
        boolean[][] fired = new boolean[layers.size()][];
        int classes = cfg.classes();
        float[] logits = new float[BATCH * classes];
        float[] w = cfg.decoder().weighting().weights(T, cfg.decoder().lambda());
        float scale = (float) cfg.decoder().logitScale();
        Pass oneStep = new Pass(1, Engine.REFERENCE);
        for (int t = 0; t < T; t++) {
            int frame = BATCH * all.features();
            float[] data = new float[frame];
            System.arraycopy(all.data(), t * frame, data, 0, frame);
            Activation a = Activation.dense(data, 1, BATCH, all.shape());
            for (int l = 0; l < layers.size(); l++) {
                Layer layer = layers.get(l);
                if (layer instanceof TtfsNeuronLayer n) {
                    a = neuronStep(n, a, l, v, fired);
                } else {
                    a = layer.forward(a, oneStep);
                }
            }
            for (int i = 0; i < BATCH * classes; i++) logits[i] += scale * w[t] * a.data()[i];
        }
        return logits;
    }

    /** One step of Eq. 4-7: H = V + I (or the LIF update), spike if H >= V_th and the mask is open, V = H. */
    private static Activation neuronStep(TtfsNeuronLayer n, Activation current, int l, float[][] v, boolean[][] fired) {
        int size = current.data().length;
        if (v[l] == null) {
            v[l] = new float[size];
            fired[l] = new boolean[size];
        }
        float th = n.config().threshold();
        float tau = n.config().tau();
        float[] s = new float[size];
        for (int i = 0; i < size; i++) {
            float x = current.data()[i];
            float h = n.config().model() == NeuronModel.LIF ? v[l][i] + (x - v[l][i]) / tau : v[l][i] + x;
            v[l][i] = h;
            if (!fired[l][i] && h >= th) {
                s[i] = 1f;
                fired[l][i] = true;
            }
        }
        assertEquals(size, current.batch() * current.features());
        return Activation.dense(s, 1, current.batch(), current.shape());
    }
}
