package org.firstspike.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.firstspike.core.config.Settings;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.net.BatchOutput;
import org.firstspike.core.net.Folding;
import org.firstspike.core.net.EttfsNetwork;
import org.firstspike.core.net.Network;
import org.firstspike.core.net.ParameterVector;
import org.firstspike.core.net.TestNets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving, loading and folding keep the network's outputs exactly. */
class ModelIOTest {
    private static final int BATCH = 20;

    private static Settings convSettings() {
        return TestNets.settings("model.input", "1x8x8", "model.layers", "4C3P1-AP2-FC16-FC10",
                "neuron.threshold", "0.5", "decoder.learnableScale", "true");
    }

    /** A network with non-trivial gamma/beta (as after training). */
    private static EttfsNetwork trainedLike(Settings s) {
        EttfsNetwork net = TestNets.network(s, 21);
        float[] v = ParameterVector.values(net.parameters());
        float[] noise = TestNets.uniform(v.length, 4);
        for (int i = 0; i < v.length; i++) v[i] += 0.2f * (noise[i] - 0.5f);
        ParameterVector.setValues(net.parameters(), v);
        return net;
    }

    @Test
    void saveThenLoadGivesBitIdenticalOutputs(@TempDir Path dir) throws Exception {
        Settings s = convSettings();
        EttfsNetwork net = trainedLike(s);
        float[] x = TestNets.uniform(BATCH * net.sampleLength(), 8);
        BatchOutput before = net.forward(x, BATCH, null, Engine.FAST);
        Path file = dir.resolve("m.fspk");
        ModelIO.save(net, s, Map.of("note", "test"), file);
        Network loaded = ModelIO.load(file);
        BatchOutput after = loaded.forward(x, BATCH, null, Engine.FAST);
        assertArrayEquals(before.logits(), after.logits(), 0f);
        assertArrayEquals(before.predictions(), after.predictions());
        assertArrayEquals(ParameterVector.values(net.parameters()), ParameterVector.values(loaded.parameters()), 0f);
    }

    @Test
    void foldedInferenceModelEqualsTrainingModelOutputForOutput(@TempDir Path dir) throws Exception {
        Settings s = convSettings();
        EttfsNetwork net = trainedLike(s);
        EttfsNetwork folded = Folding.fold(net);
        assertFalse(folded.config().normalize());
        List<String> names = new ArrayList<>();
        folded.parameters().forEach(p -> names.add(p.name()));
        assertFalse(names.contains("gamma"), "folded model has no gamma: " + names);
        float[] x = TestNets.uniform(BATCH * net.sampleLength(), 9);
        BatchOutput a = net.forward(x, BATCH, null, Engine.FAST);
        BatchOutput b = folded.forward(x, BATCH, null, Engine.FAST);
        assertArrayEquals(a.logits(), b.logits(), 0f);
        assertArrayEquals(a.predictions(), b.predictions());
        assertArrayEquals(a.spikesPerLayer(), b.spikesPerLayer());
        Path file = dir.resolve("folded.fspk");
        ModelIO.save(folded, s.with("norm.enabled", "false"), Map.of(), file);
        assertArrayEquals(a.logits(), ModelIO.load(file).forward(x, BATCH, null, Engine.FAST).logits(), 0f);
    }

    @Test
    void tensorOfWrongShapeIsRejectedWithItsName(@TempDir Path dir) throws Exception {
        Settings s = convSettings();
        Path file = dir.resolve("m.fspk");
        ModelIO.save(TestNets.network(s, 1), s, Map.of(), file);
        ModelContents c = ModelFile.read(file);
        List<NamedTensor> ts = new ArrayList<>(c.tensors());
        ts.set(0, new NamedTensor(ts.get(0).name(), new int[] {2, 2}, new float[4]));
        ModelFile.write(file, new ModelContents(c.config(), c.metadata(), ts));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelIO.load(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("layers.0.weight")
                && e.getMessage().contains("[2, 2]"), e.getMessage());
    }

    @Test
    void unknownConfigKeyInModelFileIsRejected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.fspk");
        ModelFile.write(file, new ModelContents(Map.of("model.layerz", "FC10"), Map.of(), List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelIO.load(file));
        assertTrue(e.getMessage().contains("model.layerz") && e.getMessage().contains(file.toString()), e.getMessage());
        assertEquals(true, e.getMessage().contains("did you mean 'model.layers'"), e.getMessage());
    }
}
