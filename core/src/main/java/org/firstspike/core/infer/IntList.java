package org.firstspike.core.infer;

import java.util.Arrays;

/** A growable list of ints, cleared and refilled for every sample without allocating: one bucket of a time-step queue. */
final class IntList {
    private int[] values = new int[8];
    private int size;

    void add(int v) {
        if (size == values.length) values = Arrays.copyOf(values, 2 * size);
        values[size++] = v;
    }

    int get(int i) { return values[i]; }

    int size() { return size; }

    void clear() { size = 0; }
}
