package org.firstspike.prep.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Named tuning values of the generators, given as {@code --set key=value}. Each generator asks for the keys it knows,
 * with its default; {@link #rejectUnread()} then reports any key nobody asked for, so a typo fails loudly instead of
 * silently leaving a default in place.
 */
public final class Knobs {
    private final Map<String, String> values = new TreeMap<>();
    private final TreeSet<String> asked = new TreeSet<>();

    private Knobs() {}

    public static Knobs parse(List<String> assignments) {
        Knobs k = new Knobs();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0 || eq == a.length() - 1) throw new IllegalArgumentException("--set '" + a + "': expected knob=value");
            k.values.put(a.substring(0, eq).trim(), a.substring(eq + 1).trim());
        }
        return k;
    }

    public double number(String key, double fallback) {
        String v = raw(key);
        if (v == null) return fallback;
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("knob " + key + "=" + v + ": expected a finite number");
        }
    }

    public long integer(String key, long fallback) {
        String v = raw(key);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("knob " + key + "=" + v + ": expected an integer");
        }
    }

    /** Fails on keys given but never asked for, listing the known ones. */
    public void rejectUnread() {
        List<String> unknown = new ArrayList<>();
        for (String k : values.keySet()) if (!asked.contains(k)) unknown.add(k);
        if (!unknown.isEmpty())
            throw new IllegalArgumentException("unknown knob" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + " for this format; known: " + String.join(", ", asked));
    }

    private String raw(String key) {
        asked.add(key);
        return values.get(key);
    }
}
