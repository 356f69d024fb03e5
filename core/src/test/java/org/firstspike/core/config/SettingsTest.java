package org.firstspike.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.firstspike.core.net.EttfsNetwork;
import org.firstspike.core.net.Network;
import org.firstspike.core.train.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configs: file, then overrides; unknown keys and bad values fail before anything runs, saying where. */
class SettingsTest {
    @Test
    void overridesApplyAfterTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.properties");
        Files.writeString(f, "train.lr = 0.002\nmodel.layers = FC100-FC10\n");
        Settings s = Settings.load(f, List.of("train.lr=0.003"));
        assertEquals(0.003, s.getDouble("train.lr"));
        assertEquals("FC100-FC10", s.get("model.layers"));
        assertEquals("8", s.get("model.timeSteps"), "defaults fill the rest");
    }

    @Test
    void unknownKeyInFileNamesFileKeyAndSuggestion(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.properties");
        Files.writeString(f, "train.learningRate = 0.002\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Settings.load(f, List.of()));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("train.learningRate"), e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> Settings.load(null, List.of("decoder.lamda=3")));
        assertTrue(e2.getMessage().contains("did you mean 'decoder.lambda'"), e2.getMessage());
    }

    @Test
    void badValuesAreRejectedWithKeyAndValue() {
        assertMessage(() -> TrainConfig.from(Settings.of(java.util.Map.of("train.lr", "fast"))), "train.lr", "fast");
        assertMessage(() -> TrainConfig.from(Settings.of(java.util.Map.of("train.batchSize", "0"))), "train.batchSize");
        assertMessage(() -> ModelConfigs.from(Settings.of(java.util.Map.of("neuron.model", "izhikevich"))), "izhikevich");
        assertMessage(() -> ModelConfigs.from(Settings.of(java.util.Map.of("decoder.lambda", "0.5"))), "decoder.lambda");
        assertMessage(() -> ModelConfigs.from(Settings.of(java.util.Map.of("model.input", "28by28"))), "model.input");
        assertMessage(() -> Settings.load(null, List.of("train.lr")), "key=value");
    }

    @Test
    void architectureErrorsNameTheItem() {
        assertMessage(() -> network("FC800-FC7"), "model.classes is 10");
        assertMessage(() -> network("FC800-XX3-FC10"), "item 2 'XX3'");
        assertMessage(() -> network("FC800-AP2-FC10"), "pooling needs an image-shaped input");
        assertMessage(() -> network("32C3-AP2"), "must end with an FC layer");
        assertMessage(() -> network("8C40-FC10"), "does not fit input");
    }

    private static EttfsNetwork network(String layers) {
        return new EttfsNetwork(ModelConfigs.from(Settings.of(java.util.Map.of("model.layers", layers))), 1);
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable run, String... parts) {
        Exception e = assertThrows(Exception.class, run);
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + e.getMessage() + "' should mention " + p);
    }
}
