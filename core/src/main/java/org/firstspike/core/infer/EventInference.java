package org.firstspike.core.infer;

import org.firstspike.core.net.EttfsNetwork;
import org.firstspike.core.net.ExactTimeNetwork;
import org.firstspike.core.net.Network;
import org.firstspike.core.net.NetworkFamily;

/** A per-sample inference engine whose work follows the spikes; one instance per thread. */
public interface EventInference {
    /**
     * Runs one sample: {@code values} from {@code offset} holds what {@link Network#sampleLength()} says.
     * {@code earlyStop} ends an ETTFS sample at its deciding output spike when the decoder allows it.
     */
    SampleResult run(float[] values, int offset, boolean earlyStop);

    /** Neurons per layer whose spikes are counted. */
    int[] neuronsPerLayer();

    /** Multiply-adds of the dense engine's pass over one sample. */
    long denseMacs();

    /** The engine for a model: ETTFS step by step ({@link EventDrivenNetwork}), B1 layer by layer ({@link ExactTimeEvents}). */
    static EventInference of(Network net) {
        if (net instanceof EttfsNetwork e) return EventDrivenNetwork.of(e);
        if (net instanceof ExactTimeNetwork x && net.config().family() == NetworkFamily.B1) return ExactTimeEvents.of(x);
        throw new IllegalArgumentException("event-driven inference runs spiking networks; model.family="
                + net.config().family().key() + " has no spikes: use the dense engine");
    }
}
