package org.firstspike.core.infer;

/** Where a fan-out delivers input current: a neuron layer's input of the current step, or a plain buffer. */
interface Currents {
    /** Adds {@code value} to the input of neuron n. */
    void add(int n, double value);

    /** Adds value x w[offset + n] to every neuron n (a fully connected fan-out reaches them all). */
    void addToAll(float[] w, int offset, double value);
}
