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
import org.firstspike.core.net.Network;
import org.firstspike.core.net.Parameter;

/**
 * Saves and loads a network in the FirstSpike model format (docs/MODEL_FORMAT.md): the model-defining config keys,
 * then every tensor the network names ({@link Network#savedTensors()}: "layers.{index}.{name}" with raw weights, so
 * training can resume, then "decoder.logit_scale" for ETTFS or "windows" for B1).
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
        for (Map.Entry<String, Parameter> e : net.savedTensors().entrySet())
            ts.add(new NamedTensor(e.getKey(), e.getValue().shape(), e.getValue().value().clone()));
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
            net = Network.create(ModelConfigs.from(s), 0L);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": model config: " + e.getMessage(), e);
        }
        initialize(net, contents, file);
        return net;
    }

    /** Keys that fix a network's tensors; a model file can initialize a network only where they agree. */
    private static final List<String> ARCHITECTURE = List.of("model.family", "model.input", "model.layers", "model.classes");

    /**
     * Copies a model file's tensors into {@code net} (fine-tuning from a trained model, possibly under other
     * hardware settings). The architecture keys must agree and every tensor must be there with its shape.
     */
    public static void initialize(Network net, ModelContents contents, String file, Settings target) {
        Settings source = settings(contents, file);
        for (String key : ARCHITECTURE)
            if (!source.get(key).equalsIgnoreCase(target.get(key)))
                throw new IllegalArgumentException(file + ": " + key + " = " + source.get(key) + " but the config being trained has "
                        + target.get(key) + " (convert ReLU models to B1 with 'firstspike convert')");
        initialize(net, contents, file);
    }

    private static void initialize(Network net, ModelContents contents, String file) {
        Map<String, NamedTensor> byName = new LinkedHashMap<>();
        for (NamedTensor t : contents.tensors()) byName.put(t.name(), t);
        for (Map.Entry<String, Parameter> e : net.savedTensors().entrySet()) fill(file, byName, e.getKey(), e.getValue());
        if (!byName.isEmpty())
            throw new IllegalArgumentException(file + ": tensors not used by the model " + byName.keySet());
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
