package org.firstspike.core.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable set of configuration values: the defaults, overlaid by a {@code key = value} file, overlaid by
 * {@code --set key=value} overrides. Unknown keys are rejected with the place they came from and the closest known
 * key. Typed getters say which key and value were wrong.
 */
public final class Settings {
    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static Settings defaults() {
        return new Settings(new LinkedHashMap<>(ConfigSchema.DEFAULTS));
    }

    /** Loads a config file (may be null for defaults only) and applies overrides in order. */
    public static Settings load(Path file, List<String> overrides) throws IOException {
        Map<String, String> v = new LinkedHashMap<>(ConfigSchema.DEFAULTS);
        if (file != null)
            for (Map.Entry<String, String> e : PropertiesFile.read(file, "config file").entrySet())
                put(v, e.getKey(), e.getValue(), file + ": key '" + e.getKey() + "'");
        applySets(v, overrides);
        return new Settings(v);
    }

    /** These settings with {@code key=value} overrides (--set syntax) applied in order. */
    public Settings with(List<String> overrides) {
        Map<String, String> v = new LinkedHashMap<>(values);
        applySets(v, overrides);
        return new Settings(v);
    }

    private static void applySets(Map<String, String> v, List<String> overrides) {
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--set '" + o + "': expected key=value");
            put(v, o.substring(0, eq).trim(), o.substring(eq + 1).trim(), "--set '" + o + "'");
        }
    }

    public static Settings of(Map<String, String> overrides) {
        Map<String, String> v = new LinkedHashMap<>(ConfigSchema.DEFAULTS);
        overrides.forEach((k, val) -> put(v, k, val, "setting '" + k + "'"));
        return new Settings(v);
    }

    public Settings with(String key, String value) {
        Map<String, String> v = new LinkedHashMap<>(values);
        put(v, key, value, "setting '" + key + "'");
        return new Settings(v);
    }

    private static void put(Map<String, String> v, String key, String value, String where) {
        if (!ConfigSchema.DEFAULTS.containsKey(key))
            throw new IllegalArgumentException(where + ": unknown key '" + key + "'" + suggestion(key));
        v.put(key, value);
    }

    private static String suggestion(String key) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : ConfigSchema.DEFAULTS.keySet()) {
            int d = distance(k.toLowerCase(), key.toLowerCase());
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return bestD <= Math.max(3, key.length() / 3) ? " (did you mean '" + best + "'?)" : " (see docs/CONFIG.md for the keys)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++)
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    public String get(String key) {
        String v = values.get(key);
        if (v == null) throw new IllegalArgumentException("unknown key '" + key + "'");
        return v;
    }

    public int getInt(String key) {
        try {
            return Integer.parseInt(get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " = '" + get(key) + "': expected an integer");
        }
    }

    public long getLong(String key) {
        try {
            return Long.parseLong(get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " = '" + get(key) + "': expected an integer");
        }
    }

    public double getDouble(String key) {
        try {
            double d = Double.parseDouble(get(key));
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " = '" + get(key) + "': expected a finite number");
        }
    }

    public boolean getBoolean(String key) {
        String v = get(key).toLowerCase();
        if (v.equals("true")) return true;
        if (v.equals("false")) return false;
        throw new IllegalArgumentException(key + " = '" + get(key) + "': expected true or false");
    }

    /** The model-defining subset, in key order (what a model file records). */
    public Map<String, String> modelKeys() {
        Map<String, String> m = new TreeMap<>();
        values.forEach((k, v) -> {
            if (ConfigSchema.isModelKey(k)) m.put(k, v);
        });
        return m;
    }

    /** Every key and its value, for shipping the settings to another JVM. */
    public Map<String, String> values() {
        return new LinkedHashMap<>(values);
    }

    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        values.forEach((k, v) -> lines.add(k + " = " + v));
        return lines;
    }
}
