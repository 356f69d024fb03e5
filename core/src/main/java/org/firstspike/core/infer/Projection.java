package org.firstspike.core.infer;

import java.util.List;

/**
 * How the events of one space reach the next neuron layer: through the average poolings between them (index maps;
 * a flatten changes nothing in the C-major layout) and the synaptic layer's fan-out.
 */
final class Projection {
    private final List<PoolMap> pools;
    private final Fanout fanout;

    Projection(List<PoolMap> pools, Fanout fanout) {
        this.pools = List.copyOf(pools);
        this.fanout = fanout;
    }

    /** Propagates every event once; returns the synapses driven. */
    long propagate(SpikeBuffer events, Currents target) {
        long driven = 0;
        for (int i = 0; i < events.size(); i++) {
            int index = events.index(i);
            double value = events.value(i);
            for (PoolMap p : pools) {
                if (index < 0) break;
                index = p.target(index);
                value *= p.scale();
            }
            if (index >= 0) driven += fanout.propagate(index, value, target);
        }
        return driven;
    }

    long synapses() { return fanout.synapses(); }
}
