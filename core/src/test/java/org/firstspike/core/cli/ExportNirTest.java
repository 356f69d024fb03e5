package org.firstspike.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.firstspike.core.config.Settings;
import org.firstspike.core.io.ModelIO;
import org.firstspike.core.net.EttfsNetwork;
import org.firstspike.core.net.Folding;
import org.firstspike.core.net.TestNets;
import org.firstspike.core.nir.NirExport;
import org.firstspike.core.nir.NirReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code firstspike export-nir}: a model file becomes a NIR file equal to the exported graph; misuse is refused clearly. */
class ExportNirTest {
    @Test
    void exportsAModelFileAndRefusesMisuse(@TempDir Path dir) throws IOException {
        Settings s = TestNets.settings("model.input", "1x6x6", "model.layers", "FC12-FC3", "model.classes", "3");
        EttfsNetwork net = TestNets.network(s, 2);
        Path model = dir.resolve("model.fspk");
        ModelIO.save(net, s, Map.of(), model);
        Path out = dir.resolve("model.nir");
        ObjectNode summary = ExportNir.run(new String[] {"--model", model.toString(), "--out", out.toString()});
        assertEquals(7, summary.get("nodes").asInt());
        assertEquals(6, summary.get("edges").asInt());
        assertEquals(Files.size(out), summary.get("bytes").asLong());
        assertEquals(out.toString(), summary.get("path").asText());
        assertEquals(Files.getPosixFilePermissions(model), Files.getPosixFilePermissions(out), "the usual permissions, not a temp file's");
        // the inference model (normalization folded) exports to the same graph as the trained one
        assertEquals(NirExport.of(Folding.fold(net)), NirReader.read(out));
        assertEquals(NirExport.of(net), NirReader.read(out));

        assertEquals("--model and --out are required",
                assertThrows(IllegalArgumentException.class, () -> ExportNir.run(new String[] {"--model", model.toString()})).getMessage());
        Path none = dir.resolve("none.fspk");
        assertEquals("model file " + none + " does not exist", assertThrows(IOException.class,
                () -> ExportNir.run(new String[] {"--model", none.toString(), "--out", out.toString()})).getMessage());
        Path corrupt = dir.resolve("corrupt.fspk");
        Files.write(corrupt, new byte[100]);
        String bad = assertThrows(IOException.class,
                () -> ExportNir.run(new String[] {"--model", corrupt.toString(), "--out", out.toString()})).getMessage();
        assertTrue(bad.startsWith(corrupt.toString()), bad);
        Path noDir = dir.resolve("missing-dir").resolve("model.nir");
        assertEquals(noDir + ": directory " + noDir.getParent() + " does not exist", assertThrows(IOException.class,
                () -> ExportNir.run(new String[] {"--model", model.toString(), "--out", noDir.toString()})).getMessage());
        assertEquals("--out " + dir + " is a directory; give the file to write", assertThrows(IOException.class,
                () -> ExportNir.run(new String[] {"--model", model.toString(), "--out", dir.toString()})).getMessage());
    }
}
