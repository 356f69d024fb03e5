package org.firstspike.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.firstspike.core.layer.Engine;
import org.firstspike.core.net.EttfsNetwork;
import org.firstspike.core.net.ExactTimeNetwork;
import org.firstspike.core.net.Network;
import org.firstspike.core.net.TestNets;
import org.firstspike.core.neuron.TtfsNeuronLayer;
import org.junit.jupiter.api.Test;

/** The raster records exactly the network's spikes, survives its JSON form, and knows B1 times and ReLU's silence. */
class SpikeRasterTest {
    @Test
    void ettfsRasterHoldsEverySpikeAtItsOneBasedStep() {
        EttfsNetwork net = TestNets.network(TestNets.settings("model.input", "1x4x4", "model.layers", "FC20-FC3",
                "model.classes", "3", "model.timeSteps", "6"), 7);
        float[] x = TestNets.uniform(3 * 16, 1);
        int[] labels = {0, 2, 1};
        SpikeRaster r = SpikeRaster.record(net, x, labels, 3);
        int[] predictions = net.forward(x, 3, null, Engine.FAST).predictions();
        assertArrayEquals(predictions, r.predictions());
        assertArrayEquals(labels, r.labels());
        assertEquals("step", r.timeUnit());
        assertEquals(6, r.timeEnd());
        assertEquals(2, r.layers().size());
        long total = 0;
        for (int l = 0; l < 2; l++) {
            TtfsNeuronLayer layer = net.neuronLayers().get(l);
            SpikeRaster.LayerSpikes s = r.layers().get(l);
            for (int b = 0; b < 3; b++) {
                int k = 0;
                for (int f = 0; f < layer.neuronsPerSample(); f++) {
                    int step = layer.firstSpikeStep(b, f);
                    if (step < 0) continue;
                    assertEquals(f, s.neuron().get(b)[k]);
                    assertEquals(step + 1, s.time().get(b)[k]);
                    k++;
                }
                assertEquals(k, s.neuron().get(b).length, "no extra spikes");
                total += k;
            }
        }
        assertTrue(total > 0, "the test network spikes");

        SpikeRaster back = SpikeRaster.fromJson(r.toJson(), "raster.json");
        assertEquals(r.toJson(), back.toJson());
        for (int l = 0; l < 2; l++)
            for (int b = 0; b < 3; b++) assertArrayEquals(r.layers().get(l).time().get(b), back.layers().get(l).time().get(b), 0);
    }

    @Test
    void b1TimesLieInsideTheirWindowsAndReluHasNoSpikes() {
        Network b1 = Network.create(org.firstspike.core.config.ModelConfigs.from(
                TestNets.exact("b1", "1x4x4", "FC12-FC3", 3, "b1.initialWindow", "4")), 3);
        SpikeRaster r = SpikeRaster.record(b1, TestNets.uniform(2 * 16, 2), new int[] {0, 1}, 2);
        assertEquals("tau_c", r.timeUnit());
        assertEquals(1, r.layers().size(), "one hidden layer; B1 outputs are read as potentials");
        ExactTimeNetwork x = (ExactTimeNetwork) b1;
        double start = x.windows().start(0), end = x.windows().end(0);
        int spikes = 0;
        for (double[] ts : r.layers().get(0).time())
            for (double t : ts) {
                assertTrue(t >= start && t < end, "spike at " + t + " outside [" + start + ", " + end + ")");
                spikes++;
            }
        assertTrue(spikes > 0);
        assertEquals(x.windows().readout(), r.timeEnd());

        Network relu = Network.create(org.firstspike.core.config.ModelConfigs.from(TestNets.exact("relu", "1x4x4", "FC12-FC3", 3)), 3);
        assertEquals(0, SpikeRaster.record(relu, TestNets.uniform(16, 2), new int[] {0}, 1).layers().size());
    }

    @Test
    void aForeignFileIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpikeRaster.fromJson("{\"x\": 1}", "run/raster.json"));
        assertTrue(e.getMessage().startsWith("run/raster.json: "), e.getMessage());
    }
}
