package org.firstspike.core.nir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A node of a NIR graph: its primitive type ("Affine", "IF", "Conv2d", ...) and its named parameters. */
public record NirNode(String type, Map<String, NirValue> parameters) {
    public NirNode {
        if (type == null || type.isEmpty()) throw new IllegalArgumentException("a NIR node needs a type");
        if (parameters.containsKey("type")) throw new IllegalArgumentException("'type' is the node's type, not a parameter");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The float32 parameter {@code name}; fails with the node's type when it is missing or of another kind. */
    public NirValue.Floats floats(String name) { return parameter(name, NirValue.Floats.class); }

    /** The int64 parameter {@code name}. */
    public NirValue.Longs longs(String name) { return parameter(name, NirValue.Longs.class); }

    private <V extends NirValue> V parameter(String name, Class<V> kind) {
        NirValue v = parameters.get(name);
        if (!kind.isInstance(v))
            throw new IllegalArgumentException(type + " node: parameter '" + name + "' is " + (v == null ? "missing" : v)
                    + ", expected " + kind.getSimpleName());
        return kind.cast(v);
    }
}
