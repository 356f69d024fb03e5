package org.firstspike.core.infer;

/** The synapses one input event drives in a synaptic layer: it adds value x weight to each target's input current. */
interface Fanout {
    /** Adds the event's contributions to {@code target}; returns the synapses driven (its SynOps). */
    long propagate(int input, double value, Currents target);

    /** Connections of the layer: what a dense pass multiplies and adds once per time step. */
    long synapses();
}
