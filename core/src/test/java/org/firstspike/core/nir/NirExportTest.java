package org.firstspike.core.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.firstspike.core.config.ModelConfigs;
import org.firstspike.core.config.Settings;
import org.firstspike.core.layer.Activation;
import org.firstspike.core.layer.Conv2d;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.layer.Layer;
import org.firstspike.core.layer.Linear;
import org.firstspike.core.layer.Pass;
import org.firstspike.core.layer.SynapticWeights;
import org.firstspike.core.net.EttfsNetwork;
import org.firstspike.core.net.Folding;
import org.firstspike.core.net.Network;
import org.firstspike.core.net.Parameter;
import org.firstspike.core.net.TestNets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NIR export: the file read back gives the exported graph, its weights are the folded model's bit for bit, the raw
 * HDF5 layout is NIR 1.0's (checked with jHDF's generic API, independently of {@link NirReader}), and the Affine
 * weights reproduce the model's first-layer currents.
 */
class NirExportTest {
    /** The demo model: conf/smlp.properties (SMLP 784-800-10, IF, T = 8), with non-trivial gamma and beta. */
    private static EttfsNetwork smlp() {
        EttfsNetwork net;
        try {
            net = TestNets.network(Settings.load(Path.of("../conf/smlp.properties"), List.of()), 11);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        perturbAffine(net);
        return net;
    }

    /** Conv + average pooling + flatten, LIF neurons, a stride-2 convolution, no padding in the second one. */
    private static EttfsNetwork convLif() {
        EttfsNetwork net = TestNets.network(TestNets.settings("model.input", "2x10x10", "model.layers", "4C3P1-AP2-6C3S2-FC10",
                "model.timeSteps", "6", "neuron.model", "lif", "neuron.tau", "3.0", "neuron.threshold", "0.8",
                "model.encoding", "latency", "decoder.weighting", "linear", "decoder.tieBreak", "index"), 5);
        perturbAffine(net);
        return net;
    }

    /** gamma and beta away from their initial 1 and 0, so that folding changes the weights and biases. */
    private static void perturbAffine(EttfsNetwork net) {
        Random r = new Random(3);
        for (Map.Entry<String, Parameter> e : net.savedTensors().entrySet()) {
            float[] v = e.getValue().value();
            if (e.getKey().endsWith(".gamma")) for (int i = 0; i < v.length; i++) v[i] = 0.5f + r.nextFloat();
            if (e.getKey().endsWith(".beta")) for (int i = 0; i < v.length; i++) v[i] = 0.2f * (r.nextFloat() - 0.5f);
        }
    }

    private static NirGraph roundTrip(Network net, Path file) throws IOException {
        NirGraph exported = NirExport.of(net);
        NirWriter.write(exported, file);
        NirGraph read = NirReader.read(file);
        assertEquals(exported, read);
        return read;
    }

    @Test
    void smlpRoundTripsWithTheFoldedWeights(@TempDir Path dir) throws IOException {
        EttfsNetwork net = smlp();
        NirGraph g = roundTrip(net, dir.resolve("smlp.nir"));
        assertEquals(List.of("input", "flatten_0", "affine_1", "if_2", "affine_3", "if_4", "output"), List.copyOf(g.nodes().keySet()));
        assertEquals(List.of("Input", "Flatten", "Affine", "IF", "Affine", "IF", "Output"), types(g));
        assertChain(g);
        assertArrayEquals(new long[] {1, 28, 28}, g.nodes().get("input").longs("shape").data());
        NirNode flatten = g.nodes().get("flatten_0");
        assertArrayEquals(new long[] {1, 28, 28}, flatten.longs("input_type").data());
        assertArrayEquals(new long[] {0}, flatten.longs("start_dim").data());
        assertArrayEquals(new long[] {-1}, flatten.longs("end_dim").data());
        assertArrayEquals(new int[] {800, 784}, g.nodes().get("affine_1").floats("weight").shape());
        assertArrayEquals(new int[] {10, 800}, g.nodes().get("affine_3").floats("weight").shape());
        NirNode neurons = g.nodes().get("if_2");
        assertEquals(Set.of("r", "v_threshold", "v_reset"), neurons.parameters().keySet());
        assertArrayEquals(new int[] {800}, neurons.floats("v_threshold").shape());
        assertEquals(1f, neurons.floats("v_threshold").data()[799]);
        assertArrayEquals(new long[] {10}, g.nodes().get("output").longs("shape").data());
        assertSynapticWeightsEqualFolded(net, g);
        assertEquals(new NirValue.Longs(new int[0], new long[] {8}), g.metadata().get("time_steps"));
        assertEquals(new NirValue.Floats(new int[] {8}, new float[] {1, 0.5f, 0.25f, 0.125f, 0.0625f, 0.03125f, 0.015625f, 0.0078125f}),
                g.metadata().get("decoder_step_weights"));
        assertEquals(NirValue.Floats.scalar(4f), g.metadata().get("decoder_logit_scale"));
        assertEquals(new NirValue.Text("direct"), g.metadata().get("encoding"));
        assertEquals(NirValue.Longs.scalar(1), g.metadata().get("single_spike"));
        assertEquals(new NirValue.Text("potential"), g.metadata().get("tie_break"));
        String version = ((NirValue.Text) g.metadata().get("firstspike_version")).value();
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), "the build fills in the project version: " + version);
    }

    @Test
    void convModelWithPoolingFlattenAndLifRoundTrips(@TempDir Path dir) throws IOException {
        EttfsNetwork net = convLif();
        NirGraph g = roundTrip(net, dir.resolve("conv.nir"));
        assertEquals(List.of("input", "conv2d_0", "lif_1", "avgpool2d_2", "conv2d_3", "lif_4", "flatten_5", "affine_6", "lif_7",
                "output"), List.copyOf(g.nodes().keySet()));
        assertChain(g);
        NirNode conv1 = g.nodes().get("conv2d_0");
        assertArrayEquals(new int[] {4, 2, 3, 3}, conv1.floats("weight").shape());
        assertArrayEquals(new long[] {1, 1}, conv1.longs("stride").data());
        assertArrayEquals(new long[] {1, 1}, conv1.longs("padding").data());
        assertArrayEquals(new long[] {1, 1}, conv1.longs("dilation").data());
        assertArrayEquals(new long[] {1}, conv1.longs("groups").data());
        assertArrayEquals(new long[] {10, 10}, conv1.longs("input_shape").data());
        NirNode lif = g.nodes().get("lif_1");
        assertEquals(Set.of("tau", "r", "v_leak", "v_threshold", "v_reset"), lif.parameters().keySet());
        assertArrayEquals(new int[] {4, 10, 10}, lif.floats("tau").shape());
        assertEquals(3f, lif.floats("tau").data()[0]);
        assertEquals(0.8f, lif.floats("v_threshold").data()[399]);
        NirNode pool = g.nodes().get("avgpool2d_2");
        assertArrayEquals(new long[] {2, 2}, pool.longs("kernel_size").data());
        assertArrayEquals(new long[] {2, 2}, pool.longs("stride").data());
        assertArrayEquals(new long[] {0, 0}, pool.longs("padding").data());
        NirNode conv2 = g.nodes().get("conv2d_3");
        assertArrayEquals(new int[] {6, 4, 3, 3}, conv2.floats("weight").shape());
        assertArrayEquals(new long[] {2, 2}, conv2.longs("stride").data());
        assertArrayEquals(new long[] {0, 0}, conv2.longs("padding").data());
        assertArrayEquals(new long[] {5, 5}, conv2.longs("input_shape").data());
        assertArrayEquals(new int[] {6, 2, 2}, g.nodes().get("lif_4").floats("r").shape());
        assertArrayEquals(new long[] {6, 2, 2}, g.nodes().get("flatten_5").longs("input_type").data());
        assertArrayEquals(new int[] {10, 24}, g.nodes().get("affine_6").floats("weight").shape());
        assertSynapticWeightsEqualFolded(net, g);
        assertEquals(new NirValue.Text("latency"), g.metadata().get("encoding"));
        assertEquals(new NirValue.Text("index"), g.metadata().get("tie_break"));
        assertTrue(!g.metadata().containsKey("decoder_lambda"), "lambda only for exponential weighting");
    }

    /** The file's layout read with jHDF's generic API: what nir.read in Python walks. */
    @Test
    void fileFollowsTheNir10Layout(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("conv.nir");
        NirWriter.write(NirExport.of(convLif()), file);
        try (HdfFile hdf = new HdfFile(file)) {
            assertEquals("1.0.7", hdf.getDatasetByPath("/version").getData());
            assertEquals("NIRGraph", hdf.getDatasetByPath("/node/type").getData());
            Dataset edges = hdf.getDatasetByPath("/node/edges");
            assertArrayEquals(new int[] {9, 2}, edges.getDimensions());
            String[][] pairs = (String[][]) edges.getData();
            assertArrayEquals(new String[] {"input", "conv2d_0"}, pairs[0]);
            assertArrayEquals(new String[] {"lif_7", "output"}, pairs[8]);
            Group nodes = (Group) hdf.getByPath("/node/nodes");
            assertEquals(10, nodes.getChildren().size());
            for (String name : nodes.getChildren().keySet())
                assertTrue(hdf.getDatasetByPath("/node/nodes/" + name + "/type").getData() instanceof String, name);
            for (String io : List.of("input", "output")) {
                Dataset shape = hdf.getDatasetByPath("/node/nodes/" + io + "/shape");
                assertEquals(long.class, shape.getJavaType(), io + " shape is int64");
            }
            assertArrayEquals(new long[] {2, 10, 10}, (long[]) hdf.getDatasetByPath("/node/nodes/input/shape").getData());
            Dataset w = hdf.getDatasetByPath("/node/nodes/conv2d_0/weight");
            assertEquals(float.class, w.getJavaType());
            assertArrayEquals(new int[] {4, 2, 3, 3}, w.getDimensions());
            assertEquals(Long.class, hdf.getDatasetByPath("/node/nodes/conv2d_0/groups").getJavaType(), "groups is an int64 scalar");
            assertEquals(6L, hdf.getDatasetByPath("/node/metadata/time_steps").getData());
        }
    }

    /** I = W x + b from the exported arrays equals what the folded model's first Linear computes on an image. */
    @Test
    void exportedAffineReproducesFirstLayerCurrents() {
        EttfsNetwork net = smlp();
        NirNode fc = NirExport.of(net).nodes().get("affine_1");
        float[] w = fc.floats("weight").data();
        float[] b = fc.floats("bias").data();
        float[] x = TestNets.uniform(784, 9);
        EttfsNetwork folded = Folding.fold(net);
        Pass pass = new Pass(8, Engine.FAST);
        Activation a = Activation.dense(x, 1, 1, folded.config().input());
        a = folded.layers().get(0).forward(a, pass);
        float[] model = folded.layers().get(1).forward(a, pass).data();
        // against the trained (unfolded) network too: folding must not change the currents beyond float rounding
        Activation raw = net.layers().get(1).forward(net.layers().get(0).forward(Activation.dense(x, 1, 1, net.config().input()), pass), pass);
        for (int o = 0; o < 800; o++) {
            double i = b[o];
            for (int j = 0; j < 784; j++) i += (double) w[o * 784 + j] * x[j];
            assertEquals(i, model[o], 1e-4 * (1 + Math.abs(i)), "neuron " + o);
            assertEquals(i, raw.data()[o], 1e-4 * (1 + Math.abs(i)), "neuron " + o + " (unfolded)");
        }
    }

    @Test
    void modelsNirCannotExpressAreRefusedWithTheReason() {
        Network b1 = Network.create(ModelConfigs.from(TestNets.exact("b1", "16", "FC8-FC2", 2)), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NirExport.of(b1));
        assertTrue(e.getMessage().startsWith("NIR export covers ETTFS models, not model.family = b1: "), e.getMessage());
        Network maxPool = TestNets.network(TestNets.settings("model.input", "1x4x4", "model.layers", "2C3P1-MP2-FC2",
                "model.classes", "2"), 1);
        e = assertThrows(IllegalArgumentException.class, () -> NirExport.of(maxPool));
        assertEquals("NIR export: layer 'MP2' has no NIR primitive (NIR has sum and average pooling, no max pooling)", e.getMessage());
    }

    @Test
    void readerRefusesFilesThatAreNotNirGraphs(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("none.nir");
        assertEquals(missing + ": no such file", assertThrows(IOException.class, () -> NirReader.read(missing)).getMessage());
        Path text = dir.resolve("text.nir");
        Files.writeString(text, "not HDF5 at all");
        assertTrue(assertThrows(IOException.class, () -> NirReader.read(text)).getMessage()
                .startsWith(text + ": not a readable NIR file"));
        Path noGraph = dir.resolve("version-only.nir");
        try (var hdf = HdfFile.write(noGraph)) {
            hdf.putDataset("version", "1.0.7");
        }
        assertEquals(noGraph + ": missing group /node", assertThrows(IOException.class, () -> NirReader.read(noGraph)).getMessage());
        Path future = dir.resolve("v2.nir");
        try (var hdf = HdfFile.write(future)) {
            hdf.putDataset("version", "2.0.0");
        }
        assertEquals(future + ": NIR version 2.0.0, this reader reads 1.x",
                assertThrows(IOException.class, () -> NirReader.read(future)).getMessage());
    }

    private static List<String> types(NirGraph g) {
        List<String> t = new ArrayList<>();
        for (NirNode n : g.nodes().values()) t.add(n.type());
        return t;
    }

    /** Every node feeds the next, in order: input -> ... -> output. */
    private static void assertChain(NirGraph g) {
        List<String> names = List.copyOf(g.nodes().keySet());
        List<NirEdge> expected = new ArrayList<>();
        for (int i = 0; i + 1 < names.size(); i++) expected.add(new NirEdge(names.get(i), names.get(i + 1)));
        assertEquals(expected, g.edges());
    }

    /** Every Affine / Conv2d node holds the folded network's weight and bias arrays, bit for bit. */
    private static void assertSynapticWeightsEqualFolded(EttfsNetwork net, NirGraph g) {
        EttfsNetwork folded = Folding.fold(net);
        int checked = 0;
        for (int i = 0; i < folded.layers().size(); i++) {
            Layer l = folded.layers().get(i);
            SynapticWeights sw = l instanceof Linear lin ? lin.weights() : l instanceof Conv2d c ? c.weights() : null;
            if (sw == null) continue;
            NirNode node = g.nodes().get((l instanceof Linear ? "affine_" : "conv2d_") + i);
            assertArrayEquals(sw.weightParameter().value(), node.floats("weight").data(), 0f, "weight of layer " + i);
            assertArrayEquals(sw.bias(), node.floats("bias").data(), 0f, "bias of layer " + i);
            assertTrue(!java.util.Arrays.equals(sw.weightParameter().value(),
                    weightsOf(net.layers().get(i)).weightParameter().value()), "folding changed layer " + i);
            checked++;
        }
        assertTrue(checked >= 2);
    }

    private static SynapticWeights weightsOf(Layer l) {
        return l instanceof Linear lin ? lin.weights() : ((Conv2d) l).weights();
    }
}
