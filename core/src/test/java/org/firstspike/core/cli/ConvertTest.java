package org.firstspike.core.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.firstspike.core.config.ModelConfigs;
import org.firstspike.core.config.Settings;
import org.firstspike.core.io.ModelIO;
import org.firstspike.core.net.ExactTimeNetwork;
import org.firstspike.core.net.Network;
import org.firstspike.core.net.NetworkFamily;
import org.firstspike.core.net.ParameterVector;
import org.firstspike.core.net.TestNets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code firstspike convert}: a ReLU model file becomes a B1 model file with the same tensors; misuse is refused clearly. */
class ConvertTest {
    @Test
    void reluModelFileBecomesB1AndMisuseIsRefused(@TempDir Path dir) throws Exception {
        Settings s = TestNets.exact("relu", "16", "FC8-FC2", 2);
        Network relu = Network.create(ModelConfigs.from(s), 3);
        Path in = dir.resolve("relu.fspk");
        ModelIO.save(relu, s, Map.of(), in);
        Path out = dir.resolve("b1.fspk");
        Convert.run(new String[] {"--model", in.toString(), "--out", out.toString(), "--set", "b1.earlySpikes=clamp"});
        Network b1 = ModelIO.load(out);
        assertEquals(NetworkFamily.B1, b1.config().family());
        assertTrue(b1.config().exact().clampEarlySpikes());
        assertEquals(1500.0, ((ExactTimeNetwork) b1).windows().width(0));
        assertArrayEquals(ParameterVector.values(relu.parameters()),
                ParameterVector.values(b1.parameters()), 0f);

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Convert.run(new String[] {"--model", in.toString()}));
        assertEquals("--model and --out are required", missing.getMessage());
        IllegalArgumentException noData = assertThrows(IllegalArgumentException.class, () -> Convert.run(new String[] {
                "--model", in.toString(), "--out", out.toString(), "--window-scale", "1"}));
        assertEquals("--window-scale needs --data (the windows are fitted to the training split)", noData.getMessage());
        IllegalArgumentException family = assertThrows(IllegalArgumentException.class, () -> Convert.run(new String[] {
                "--model", in.toString(), "--out", out.toString(), "--set", "model.family=ettfs"}));
        assertTrue(family.getMessage().contains("conversion maps a ReLU or B1 network to B1"), family.getMessage());
    }
}
