package org.firstspike.prep.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.firstspike.prep.recipe.Rejection;

/**
 * What a task did with one input (a file, or a block of an image file): sent to the driver through an accumulator
 * and deduplicated by {@link #key()}, so a retried task cannot count twice.
 */
public final class SourceReport implements Serializable {
    final String split;
    final String source;
    final int first;
    long bytes;
    String sha256 = "";
    long samples;
    long recordsRead;
    long recordsDropped;
    long eventsInSamples;
    long eventsKept;
    long eventsBinned;
    final TreeMap<Integer, Long> perClass = new TreeMap<>();
    long readNanos;
    long checksumNanos;
    long decodeNanos;
    long encodeNanos;
    final List<Rejection> rejections = new ArrayList<>();
    boolean rejected;

    SourceReport(String split, String source, int first) {
        this.split = split;
        this.source = source;
        this.first = first;
    }

    String key() {
        return source + "#" + first;
    }

    void countSample(int label) {
        samples++;
        perClass.merge(label, 1L, Long::sum);
    }
}
