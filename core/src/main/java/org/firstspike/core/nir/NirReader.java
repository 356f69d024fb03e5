package org.firstspike.core.nir;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a NIR 1.x HDF5 file (the layout {@link NirWriter} writes) back into a {@link NirGraph}. Parameters and graph
 * metadata may be float32, integer (read as int64) or string datasets; anything else (float64 arrays, nested
 * graphs, per-node metadata) is refused by name rather than dropped. Nodes come in the order the edges reach them.
 */
public final class NirReader {
    private NirReader() {}

    public static NirGraph read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": no such file");
        try (HdfFile hdf = new HdfFile(file)) {
            String version = text(dataset(hdf, "version", file), file);
            if (!version.startsWith("1.")) throw new IOException(file + ": NIR version " + version + ", this reader reads 1.x");
            Group graph = group(hdf, "node", file);
            String type = text(dataset(graph, "type", file), file);
            if (!type.equals("NIRGraph")) throw new IOException(file + ": /node/type is '" + type + "', expected 'NIRGraph'");
            List<NirEdge> edges = edges(dataset(graph, "edges", file), file);
            Map<String, NirNode> byName = new LinkedHashMap<>();
            for (Node n : group(graph, "nodes", file)) byName.put(n.getName(), node(n, file));
            Node meta = graph.getChild("metadata");
            Map<String, NirValue> metadata = meta == null ? Map.of() : values(asGroup(meta, file), file);
            return new NirGraph(inEdgeOrder(byName, edges), edges, metadata);
        } catch (RuntimeException e) {
            // jHDF reports a malformed or non-HDF5 file with unchecked exceptions
            throw new IOException(file + ": not a readable NIR file: " + e.getMessage(), e);
        }
    }

    private static NirNode node(Node n, Path file) throws IOException {
        Group g = asGroup(n, file);
        Map<String, NirValue> parameters = values(g, file);
        NirValue type = parameters.remove("type");
        if (!(type instanceof NirValue.Text t)) throw new IOException(file + ": " + g.getPath() + " has no string 'type'");
        return new NirNode(t.value(), parameters);
    }

    /** The datasets of a group by name; a subgroup is not a value FirstSpike's graphs hold. */
    private static Map<String, NirValue> values(Group g, Path file) throws IOException {
        Map<String, NirValue> m = new LinkedHashMap<>();
        for (Node child : g) {
            if (!(child instanceof Dataset d))
                throw new IOException(file + ": " + child.getPath() + ": nested groups are not supported by this reader");
            m.put(child.getName(), value(d, file));
        }
        return m;
    }

    private static NirValue value(Dataset d, Path file) throws IOException {
        int[] shape = d.getDimensions();
        Object flat = d.getDataFlat();
        if (flat instanceof float[] f) return new NirValue.Floats(shape, f);
        if (flat instanceof long[] l) return new NirValue.Longs(shape, l);
        if (flat instanceof int[] i) {
            long[] l = new long[i.length];
            for (int k = 0; k < i.length; k++) l[k] = i[k];
            return new NirValue.Longs(shape, l);
        }
        if (flat instanceof String[] s && d.isScalar()) return new NirValue.Text(s[0]);
        throw new IOException(file + ": " + d.getPath() + ": unsupported dataset (" + d.getJavaType().getSimpleName()
                + " of shape " + Arrays.toString(shape) + "); this reader takes float32, integer and string scalars");
    }

    private static List<NirEdge> edges(Dataset d, Path file) throws IOException {
        int[] dims = d.getDimensions();
        if (!(d.getDataFlat() instanceof String[] s) || dims.length != 2 || dims[1] != 2)
            throw new IOException(file + ": /node/edges must be an (E, 2) string array, got " + d.getJavaType().getSimpleName()
                    + Arrays.toString(dims));
        List<NirEdge> edges = new ArrayList<>();
        for (int i = 0; i < dims[0]; i++) edges.add(new NirEdge(s[2 * i], s[2 * i + 1]));
        return edges;
    }

    /** HDF5 groups list their members by name; the edge order (the data flow) is the readable one. */
    private static Map<String, NirNode> inEdgeOrder(Map<String, NirNode> byName, List<NirEdge> edges) {
        Map<String, NirNode> ordered = new LinkedHashMap<>();
        for (NirEdge e : edges)
            for (String end : List.of(e.from(), e.to()))
                if (byName.containsKey(end)) ordered.putIfAbsent(end, byName.get(end));
        for (String rest : new TreeSet<>(byName.keySet())) ordered.putIfAbsent(rest, byName.get(rest));
        return ordered;
    }

    private static Dataset dataset(Group g, String name, Path file) throws IOException {
        Node n = g.getChild(name);
        if (!(n instanceof Dataset d)) throw new IOException(file + ": missing dataset " + path(g, name));
        return d;
    }

    private static Group group(Group g, String name, Path file) throws IOException {
        Node n = g.getChild(name);
        if (n == null) throw new IOException(file + ": missing group " + path(g, name));
        return asGroup(n, file);
    }

    private static Group asGroup(Node n, Path file) throws IOException {
        if (!(n instanceof Group g)) throw new IOException(file + ": " + n.getPath() + " is a dataset, expected a group");
        return g;
    }

    private static String text(Dataset d, Path file) throws IOException {
        if (!(value(d, file) instanceof NirValue.Text t)) throw new IOException(file + ": " + d.getPath() + " is not a string");
        return t.value();
    }

    private static String path(Group g, String name) {
        return (g.getPath().endsWith("/") ? g.getPath() : g.getPath() + "/") + name;
    }
}
