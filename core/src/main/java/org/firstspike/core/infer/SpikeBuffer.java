package org.firstspike.core.infer;

import java.util.Arrays;

/**
 * The events of one time step in one space (the network input or a neuron layer's output): an index and a value,
 * 1 for a spike, the intensity or count for an input frame, 1/k^2 after average pooling.
 */
final class SpikeBuffer {
    private int[] index = new int[64];
    private float[] value = new float[64];
    private int size;

    void add(int i, float v) {
        if (size == index.length) {
            index = Arrays.copyOf(index, 2 * size);
            value = Arrays.copyOf(value, 2 * size);
        }
        index[size] = i;
        value[size++] = v;
    }

    int size() { return size; }

    int index(int i) { return index[i]; }

    float value(int i) { return value[i]; }

    void clear() { size = 0; }
}
