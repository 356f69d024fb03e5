package org.firstspike.prep.cli;

import java.io.IOException;

/**
 * One dataset layout that {@code synth-events} can write. Its work is split into units (an N-MNIST sample, a gesture
 * trial, ...) that depend only on their index, so units can run on any thread in any order and give the same files.
 */
interface SynthDataset {
    /** Number of independent work units. */
    int units();

    /** What a unit is called in progress lines ("samples", "trials"). */
    default String unitName() {
        return "samples";
    }

    /** Generates and writes unit {@code index}; returns the event count of each sample it wrote. */
    long[] writeUnit(int index) throws IOException;

    /** Files written per unit. */
    default int filesPerUnit() {
        return 1;
    }

    /** Writes the files that describe the whole dataset (trial lists, mappings); returns how many. */
    int writeIndex() throws IOException;
}
