package org.firstspike.core.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The searched keys of a sweep and the parameter sets they expand to: the Cartesian product of the {@code grid.*}
 * values (first key varies slowest, keys in name order), or {@code trials} draws of the {@code random.*} distributions
 * from one seeded generator (repeated draws are dropped: a trial is its parameters).
 */
public record SearchSpace(Map<String, List<String>> grid, Map<String, Distribution> random) {
    public List<Map<String, String>> gridPoints() {
        List<Map<String, String>> sets = new ArrayList<>();
        sets.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : grid.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : sets)
                for (String value : axis.getValue()) {
                    Map<String, String> p = new LinkedHashMap<>(partial);
                    p.put(axis.getKey(), value);
                    next.add(p);
                }
            sets = next;
        }
        return sets;
    }

    public List<Map<String, String>> randomDraws(int trials, long seed) {
        Random rng = new Random(seed);
        Set<Map<String, String>> sets = new LinkedHashSet<>();
        for (int i = 0; i < trials; i++) {
            Map<String, String> p = new LinkedHashMap<>();
            random.forEach((key, d) -> p.put(key, d.sample(rng)));
            sets.add(p);
        }
        return new ArrayList<>(sets);
    }
}
