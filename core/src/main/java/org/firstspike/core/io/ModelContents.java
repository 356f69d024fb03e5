package org.firstspike.core.io;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything stored in a model file: the configuration needed to rebuild the network, free-form
 * metadata (provenance, metrics), and the trained tensors.
 *
 * <p>Maps and list keep their insertion order, which is also the order in the file, so writing the
 * same contents always produces the same bytes. All three are copied into unmodifiable collections.
 *
 * @param config   string settings that define the model (e.g. layer sizes, neuron parameters)
 * @param metadata string facts about the model that do not affect inference (e.g. training data, accuracy)
 * @param tensors  the model's arrays, names unique
 */
// Serializable so a trained model can be broadcast to Spark executors as it is
public record ModelContents(Map<String, String> config, Map<String, String> metadata, List<NamedTensor> tensors)
        implements java.io.Serializable {

    public ModelContents {
        config = orderedCopy(config, "config");
        metadata = orderedCopy(metadata, "metadata");
        Objects.requireNonNull(tensors, "tensors");
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < tensors.size(); i++) {
            NamedTensor t = tensors.get(i);
            if (t == null) {
                throw new IllegalArgumentException("tensors[" + i + "] is null; expected a tensor");
            }
            Integer previous = firstIndex.putIfAbsent(t.name(), i);
            if (previous != null) {
                throw new IllegalArgumentException("tensors[" + i + "] has name \"" + t.name()
                        + "\", already used by tensors[" + previous + "]; expected unique names");
            }
        }
        tensors = List.copyOf(tensors);
    }

    private static Map<String, String> orderedCopy(Map<String, String> map, String what) {
        Objects.requireNonNull(map, what);
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : map.entrySet()) {
            // The file stores JSON strings, which cannot represent null.
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException(what + " entry " + e.getKey() + "=" + e.getValue()
                        + " contains null; expected non-null string keys and values");
            }
            copy.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }
}
