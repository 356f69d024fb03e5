package org.firstspike.core.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.firstspike.core.config.ModelConfigs;
import org.firstspike.core.config.Settings;
import org.firstspike.core.data.SampleSet;
import org.firstspike.core.io.ModelFile;
import org.firstspike.core.io.ModelIO;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.neuron.SpikeTimeNeurons;
import org.firstspike.core.train.Trainer;
import org.firstspike.core.train.TrainConfig;
import org.firstspike.core.train.TrainingListener;
import org.firstspike.core.train.WindowFit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trained ReLU network maps exactly into a B1 network; B1 models save, load and initialize fine-tuning runs. */
class ConversionTest {
    private static final String LAYERS = "6C3P1-MP2-FC16-FC4";
    private static final String INPUT = "1x8x8";

    private static Settings settings(String family, String... more) {
        String[] kv = new String[6 + more.length];
        System.arraycopy(new String[] {"train.epochs", "6", "train.batchSize", "16", "train.lr", "0.003"}, 0, kv, 0, 6);
        System.arraycopy(more, 0, kv, 6, more.length);
        return TestNets.exact(family, INPUT, LAYERS, 4, kv);
    }

    private static BatchOutput run(Network net, SampleSet data) {
        int len = net.sampleLength();
        float[] x = new float[data.size() * len];
        int[] y = new int[data.size()];
        for (int i = 0; i < data.size(); i++) {
            data.copySample(i, x, i * len);
            y[i] = data.label(i);
        }
        return net.forward(x, data.size(), y, Engine.FAST);
    }

    @Test
    void trainedReluNetworkConvertsToB1WithIdenticalPredictions() {
        SampleSet train = TestNets.prototypes(640, 64, 4, 1);
        SampleSet test = TestNets.prototypes(300, 64, 4, 2);
        Settings rs = settings("relu");
        Network relu = Network.create(ModelConfigs.from(rs), 3);
        var reports = new Trainer(relu, TrainConfig.from(rs)).fit(train, test, new TrainingListener() {});
        assertTrue(reports.get(5).test().accuracy() > 0.6, "trained: " + reports.get(5).test().accuracy());

        ExactTimeNetwork b1 = Conversion.toB1(relu, ModelConfigs.from(settings("b1")));
        BatchOutput r = run(relu, test);
        BatchOutput s = run(b1, test);
        assertArrayEquals(r.predictions(), s.predictions());
        assertArrayEquals(r.logits(), s.logits(), 0f);
        assertArrayEquals(r.spikesPerLayer(), s.spikesPerLayer());

        // windows fitted at 1x the largest training activation: test spikes may come early, values stay exact (keep)
        double[] widths = WindowFit.fit(b1, train, 1.0, 100, Engine.FAST);
        assertTrue(widths[0] > 0 && widths[0] < 1500);
        assertArrayEquals(r.predictions(), run(b1, test).predictions());
        // with clamping and half the width (2x lower latency), early spikes are capped: the network really changes
        ExactTimeNetwork clamped = Conversion.toB1(b1, ModelConfigs.from(settings("b1", "b1.earlySpikes", "clamp")));
        WindowFit.fit(clamped, train, 0.5, 100, Engine.FAST);
        run(clamped, test);
        assertTrue(((SpikeTimeNeurons) clamped.hiddenUnits().get(0)).lastEarlySpikes() > 0);
        assertEquals(widths[0] / 2, clamped.windows().width(0), widths[0] * 1e-6);
        assertThrows(IllegalArgumentException.class, () -> Conversion.toB1(relu, ModelConfigs.from(TestNets.exact("b1", INPUT,
                "6C3P1-MP2-FC8-FC4", 4))));
    }

    @Test
    void b1ModelsRoundTripWithTheirWindowsAndInitializeFineTuning(@TempDir Path dir) throws Exception {
        Settings s = settings("b1", "b1.initialWindow", "0.2");
        ExactTimeNetwork net = (ExactTimeNetwork) Network.create(ModelConfigs.from(s), 4);
        new Trainer(net, TrainConfig.from(s)).fit(TestNets.prototypes(320, 64, 4, 5), TestNets.prototypes(64, 64, 4, 6),
                new TrainingListener() {});
        assertTrue(net.windows().width(0) > 0.2, "grew during training");
        Path file = dir.resolve("b1.fspk");
        ModelIO.save(net, s, Map.of(), file);
        ExactTimeNetwork loaded = (ExactTimeNetwork) ModelIO.load(file);
        assertEquals(net.windows().width(0), loaded.windows().width(0));
        SampleSet test = TestNets.prototypes(100, 64, 4, 7);
        assertArrayEquals(run(net, test).logits(), run(loaded, test).logits(), 0f);

        // fine-tuning under other hardware settings starts from the file; another architecture is refused, by name
        Settings tuned = s.with("hw.weightBits", "4");
        Network target = Network.create(ModelConfigs.from(tuned), 9);
        ModelIO.initialize(target, ModelFile.read(file), file.toString(), tuned);
        assertArrayEquals(ParameterVector.values(net.parameters()), ParameterVector.values(target.parameters()), 0f);
        Settings other = s.with("model.layers", "6C3P1-MP2-FC8-FC4");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelIO.initialize(
                Network.create(ModelConfigs.from(other), 1), ModelFile.read(file), file.toString(), other));
        assertTrue(e.getMessage().contains("model.layers") && e.getMessage().contains(file.toString()), e.getMessage());
    }
}
