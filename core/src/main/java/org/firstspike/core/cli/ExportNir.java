package org.firstspike.core.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.firstspike.core.io.ModelIO;
import org.firstspike.core.net.Network;
import org.firstspike.core.nir.NirExport;
import org.firstspike.core.nir.NirGraph;
import org.firstspike.core.nir.NirWriter;

/**
 * {@code firstspike export-nir --model M --out model.nir}: writes a trained ETTFS model as a NIR graph (HDF5,
 * docs/NIR.md) and prints a one-line JSON summary.
 */
public final class ExportNir {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportNir() {}

    public static void main(String[] argv) {
        CommandLine.run("export-nir", () -> System.out.println(JSON.writeValueAsString(run(argv))));
    }

    public static ObjectNode run(String[] argv) throws IOException {
        Args a = Args.parse(argv, Set.of("--model", "--out"), Set.of());
        if (!a.has("--model") || !a.has("--out")) throw new IllegalArgumentException("--model and --out are required");
        Path model = Path.of(a.get("--model", null));
        Path out = Path.of(a.get("--out", null));
        if (!Files.isRegularFile(model)) throw new IOException("model file " + model + " does not exist");
        if (Files.isDirectory(out)) throw new IOException("--out " + out + " is a directory; give the file to write");
        Network net = ModelIO.load(model);
        NirGraph graph = NirExport.of(net);
        NirWriter.write(graph, out);
        ObjectNode summary = JSON.createObjectNode();
        summary.put("nodes", graph.nodes().size());
        summary.put("edges", graph.edges().size());
        summary.put("bytes", Files.size(out));
        summary.put("path", out.toString());
        summary.put("nir_version", NirWriter.NIR_VERSION);
        return summary;
    }
}
