package org.firstspike.core.nir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A NIR graph (Neuromorphic Intermediate Representation, neuromorphs/NIR): named nodes, edges between them and
 * graph-level metadata. Node names are unique by construction (map keys); edges must name existing nodes.
 */
public record NirGraph(Map<String, NirNode> nodes, List<NirEdge> edges, Map<String, NirValue> metadata) {
    public NirGraph {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        edges = List.copyOf(edges);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        for (NirEdge e : edges)
            for (String end : List.of(e.from(), e.to()))
                if (!nodes.containsKey(end))
                    throw new IllegalArgumentException("NIR edge " + e.from() + " -> " + e.to() + ": no node named '" + end + "'");
    }
}
