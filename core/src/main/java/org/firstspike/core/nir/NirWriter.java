package org.firstspike.core.nir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a NIR graph as HDF5 in the layout of the NIR reference implementation (nir/serialization.py, NIR 1.0):
 * <pre>
 * /version                     string, the NIR release whose layout is followed
 * /node/type                   "NIRGraph"
 * /node/edges                  (E, 2) strings: source, target
 * /node/nodes/NAME/type        the primitive, e.g. "Affine"
 * /node/nodes/NAME/PARAM       float32 or int64 datasets (weight, bias, shape, stride, v_threshold, ...)
 * /node/metadata/KEY           graph metadata (omitted when empty, as the reference does)
 * </pre>
 * Arrays are stored uncompressed (the reference defaults to gzip; readers handle both). The file is written next to
 * the target and moved over it, so a reader never sees a partial file.
 */
public final class NirWriter {
    /** The NIR release whose file layout this writer follows (neuromorphs/NIR tag v1.0.7). */
    public static final String NIR_VERSION = "1.0.7";

    private NirWriter() {}

    public static void write(NirGraph graph, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (!Files.isDirectory(dir)) throw new IOException(file + ": directory " + dir + " does not exist");
        // Not Files.createTempFile: its owner-only permissions would pass to the result with the rename
        Path tmp = target.resolveSibling("." + target.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        try {
            try (WritableHdfFile hdf = HdfFile.write(tmp)) {
                hdf.putDataset("version", NIR_VERSION);
                writeGraph(hdf.putGroup("node"), graph);
            } catch (RuntimeException e) {
                // jHDF reports write failures (unwritable directory, disk full) as unchecked exceptions
                throw new IOException(file + ": writing HDF5 failed: " + e.getMessage(), e);
            }
            try (FileChannel written = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                written.force(true);  // on disk before the rename, so a crash cannot leave a renamed partial file
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeGraph(WritableGroup group, NirGraph graph) {
        group.putDataset("type", "NIRGraph");
        List<NirEdge> edges = graph.edges();
        String[][] pairs = new String[edges.size()][];
        for (int i = 0; i < pairs.length; i++) pairs[i] = new String[] {edges.get(i).from(), edges.get(i).to()};
        group.putDataset("edges", pairs);
        WritableGroup nodes = group.putGroup("nodes");
        for (Map.Entry<String, NirNode> e : graph.nodes().entrySet()) {
            WritableGroup node = nodes.putGroup(e.getKey());
            node.putDataset("type", e.getValue().type());
            putAll(node, e.getValue().parameters());
        }
        if (!graph.metadata().isEmpty()) putAll(group.putGroup("metadata"), graph.metadata());
    }

    private static void putAll(WritableGroup group, Map<String, NirValue> values) {
        for (Map.Entry<String, NirValue> e : values.entrySet()) group.putDataset(e.getKey(), hdf5Data(e.getValue()));
    }

    /** What jHDF writes as a dataset of the value's shape: a boxed scalar, or a nested Java array of that rank. */
    private static Object hdf5Data(NirValue v) {
        if (v instanceof NirValue.Text t) return t.value();
        Object flat = v instanceof NirValue.Floats f ? f.data() : ((NirValue.Longs) v).data();
        int[] shape = v.shape();
        if (shape.length == 0) return Array.get(flat, 0);
        if (shape.length == 1) return flat;
        Object nested = Array.newInstance(flat.getClass().getComponentType(), shape);
        fill(nested, flat, 0, shape, 0);
        return nested;
    }

    /** Copies row-major {@code flat} into {@code nested} from {@code offset}; returns the next offset. */
    private static int fill(Object nested, Object flat, int offset, int[] shape, int axis) {
        int n = shape[axis];
        if (axis == shape.length - 1) {
            System.arraycopy(flat, offset, nested, 0, n);
            return offset + n;
        }
        for (int i = 0; i < n; i++) offset = fill(Array.get(nested, i), flat, offset, shape, axis + 1);
        return offset;
    }
}
