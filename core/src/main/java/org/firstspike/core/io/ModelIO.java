package org.firstspike.core.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firstspike.core.config.ModelConfigs;
import org.firstspike.core.config.Settings;
import org.firstspike.core.layer.Layer;
import org.firstspike.core.net.Network;
import org.firstspike.core.net.Parameter;

/**
 * Saves and loads a network in the FirstSpike model format (docs/MODEL_FORMAT.md): the model-defining config keys,
 * then every tensor as "layers.{index}.{name}" (raw weights, gamma and beta, so training can resume) plus
 * "decoder.logit_scale".
 */
public final class ModelIO {
    private ModelIO() {}

    public static void save(Network net, Settings settings, Map<String, String> metadata, Path file) throws IOException {
        ModelFile.write(file, contents(net, settings, metadata));
    }

    /** What {@link #save} writes: the model keys of the settings, the metadata and the network's tensors. */
    public static ModelContents contents(Network net, Settings settings, Map<String, String> metadata) {
        return new ModelContents(settings.modelKeys(), new LinkedHashMap<>(metadata), tensors(net));
    }

    public static List<NamedTensor> tensors(Network net) {
        List<NamedTensor> ts = new ArrayList<>();
        List<Layer> layers = net.layers();
        for (int i = 0; i < layers.size(); i++)
            for (Parameter p : layers.get(i).parameters())
                ts.add(new NamedTensor("layers." + i + "." + p.name(), p.shape(), p.value().clone()));
        Parameter scale = net.decoder().scaleParameter();
        ts.add(new NamedTensor("decoder." + scale.name(), scale.shape(), scale.value().clone()));
        return ts;
    }

    /** The settings a model file was saved with (model keys over the defaults). */
    public static Settings settings(ModelContents contents, String file) {
        try {
            return Settings.of(contents.config());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": model config: " + e.getMessage(), e);
        }
    }

    public static Network load(Path file) throws IOException {
        return network(ModelFile.read(file), file.toString());
    }

    /** The network a model file's contents describe; {@code file} names the source in messages. */
    public static Network network(ModelContents contents, String file) {
        Settings s = settings(contents, file);
        Network net;
        try {
            net = new Network(ModelConfigs.from(s), 0L);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": model config: " + e.getMessage(), e);
        }
        Map<String, NamedTensor> byName = new LinkedHashMap<>();
        for (NamedTensor t : contents.tensors()) byName.put(t.name(), t);
        List<Layer> layers = net.layers();
        for (int i = 0; i < layers.size(); i++)
            for (Parameter p : layers.get(i).parameters()) fill(file, byName, "layers." + i + "." + p.name(), p);
        fill(file, byName, "decoder." + net.decoder().scaleParameter().name(), net.decoder().scaleParameter());
        if (!byName.isEmpty())
            throw new IllegalArgumentException(file + ": tensors not used by the model " + byName.keySet());
        return net;
    }

    private static void fill(String file, Map<String, NamedTensor> byName, String name, Parameter p) {
        NamedTensor t = byName.remove(name);
        if (t == null) throw new IllegalArgumentException(file + ": missing tensor '" + name + "' of shape " + Arrays.toString(p.shape()));
        if (!Arrays.equals(t.shape(), p.shape()))
            throw new IllegalArgumentException(file + ": tensor '" + name + "' has shape " + Arrays.toString(t.shape())
                    + ", the model config needs " + Arrays.toString(p.shape()));
        System.arraycopy(t.data(), 0, p.value(), 0, p.size());
    }
}
