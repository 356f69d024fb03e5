package org.firstspike.core.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firstspike.core.config.PropertiesFile;
import org.firstspike.core.config.Settings;

/**
 * A sweep file (docs/SWEEPS.md), checked whole before any training: the base training config, {@code set.*} fixed
 * overrides, the searched keys ({@code grid.*} values or {@code random.*} distributions), the number of random trials,
 * the seed and the early-stopping schedule. Every error names the file, the key and what was expected.
 */
public record SweepConfig(Path file, Settings base, String search, int trialCount, long seed, HalvingSchedule schedule,
                          SearchSpace space) {
    private static final List<String> SWEEP_KEYS = List.of("sweep.base", "sweep.search", "sweep.trials", "sweep.seed",
            "sweep.earlyStopping", "sweep.halving.eta", "sweep.halving.minEpochs");
    /** Read once for all trials, so they cannot vary between them. */
    private static final List<String> DATA_KEYS = List.of("train.trainLimit", "train.testLimit");

    /** Reads {@code file}; {@code extraSets} (command-line {@code --set key=value}) apply after its {@code set.*} keys. */
    public static SweepConfig load(Path file, List<String> extraSets) throws IOException {
        Map<String, String> v = PropertiesFile.read(file, "sweep file");

        Map<String, List<String>> grid = new LinkedHashMap<>();
        Map<String, Distribution> random = new LinkedHashMap<>();
        List<String> sets = new ArrayList<>();
        Map<String, String> searchedOrSet = new HashMap<>();
        for (Map.Entry<String, String> e : v.entrySet()) {
            String key = e.getKey(), value = e.getValue(), where = file + ": key '" + key + "'";
            int dot = key.indexOf('.');
            String kind = dot < 0 ? key : key.substring(0, dot);
            String configKey = dot < 0 ? "" : key.substring(dot + 1);
            if (kind.equals("sweep")) {
                if (!SWEEP_KEYS.contains(key))
                    throw new IllegalArgumentException(where + ": unknown sweep key; expected one of " + String.join(", ", SWEEP_KEYS));
                continue;
            }
            if (!kind.equals("grid") && !kind.equals("random") && !kind.equals("set"))
                throw new IllegalArgumentException(where + ": unknown key; expected " + String.join(", ", SWEEP_KEYS)
                        + ", grid.<config key>, random.<config key> or set.<config key>");
            try {
                Settings.defaults().with(configKey, "");  // checks the key, with a suggestion for a typo
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException(where + ": " + unknown.getMessage());
            }
            String other = searchedOrSet.put(configKey, key);
            if (other != null) throw new IllegalArgumentException(where + ": " + configKey + " is also given by '" + other + "'; give it once");
            if (!kind.equals("set") && DATA_KEYS.contains(configKey))
                throw new IllegalArgumentException(where + ": the data are read once for all trials, so " + configKey
                        + " cannot vary; give it as set." + configKey + " or in the base config");
            switch (kind) {
                case "set" -> sets.add(configKey + "=" + value);
                case "random" -> random.put(configKey, Distribution.parse(value, where));
                default -> {
                    List<String> values = Arrays.stream(value.split(",", -1)).map(String::trim).toList();
                    if (value.isEmpty()) throw new IllegalArgumentException(where + ": empty grid; expected comma-separated values");
                    if (values.contains("")) throw new IllegalArgumentException(where + ": '" + value + "' has an empty value; expected comma-separated values");
                    if (values.stream().distinct().count() < values.size())
                        throw new IllegalArgumentException(where + ": '" + value + "' repeats a value; expected distinct values");
                    grid.put(configKey, values);
                }
            }
        }

        String search = v.getOrDefault("sweep.search", "grid");
        int trials;
        if (search.equals("grid")) {
            if (!random.isEmpty()) throw new IllegalArgumentException(file + ": key 'random." + random.keySet().iterator().next()
                    + "': random.* keys need sweep.search = random");
            if (v.containsKey("sweep.trials")) throw new IllegalArgumentException(file + ": key 'sweep.trials': applies to sweep.search = random "
                    + "(a grid has one trial per combination)");
            trials = 0;
        } else if (search.equals("random")) {
            if (!grid.isEmpty()) throw new IllegalArgumentException(file + ": key 'grid." + grid.keySet().iterator().next()
                    + "': sweep.search = random draws random.* keys; write a list of values as choice(a, b, ...)");
            if (!v.containsKey("sweep.trials")) throw new IllegalArgumentException(file + ": key 'sweep.trials': required for sweep.search = random");
            trials = positive(file, v, "sweep.trials", 1);
        } else {
            throw new IllegalArgumentException(file + ": key 'sweep.search' = '" + search + "': expected grid or random");
        }
        long seed;
        try {
            seed = Long.parseLong(v.getOrDefault("sweep.seed", "1"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": key 'sweep.seed' = '" + v.get("sweep.seed") + "': expected an integer");
        }
        HalvingSchedule schedule;
        String stopping = v.getOrDefault("sweep.earlyStopping", "none");
        if (stopping.equals("halving")) {
            schedule = HalvingSchedule.of(positive(file, v, "sweep.halving.minEpochs", 1), positive(file, v, "sweep.halving.eta", 2));
        } else if (stopping.equals("none")) {
            for (String k : List.of("sweep.halving.eta", "sweep.halving.minEpochs"))
                if (v.containsKey(k)) throw new IllegalArgumentException(file + ": key '" + k + "': applies only with sweep.earlyStopping = halving");
            schedule = HalvingSchedule.none();
        } else {
            throw new IllegalArgumentException(file + ": key 'sweep.earlyStopping' = '" + stopping + "': expected none or halving");
        }

        Path base = v.containsKey("sweep.base") ? file.toAbsolutePath().getParent().resolve(v.get("sweep.base")) : null;
        List<String> overrides = new ArrayList<>(sets);
        overrides.addAll(extraSets);
        Settings settings;
        try {
            settings = Settings.load(base, overrides);
        } catch (IOException e) {
            throw new IOException(file + ": key 'sweep.base': " + e.getMessage(), e);
        }
        return new SweepConfig(file, settings, search, trials, seed, schedule, new SearchSpace(grid, random));
    }

    /** The trials in search order: each point of the search space over the base settings. */
    public List<Trial> trials() {
        List<Map<String, String>> points = search.equals("grid") ? space.gridPoints() : space.randomDraws(trialCount, seed);
        List<Trial> trials = new ArrayList<>();
        for (Map<String, String> point : points) {
            List<String> overrides = new ArrayList<>();
            point.forEach((k, val) -> overrides.add(k + "=" + val));
            trials.add(Trial.of(point, base.with(overrides)));
        }
        return trials;
    }

    /** An integer key of at least {@code min} (its default where absent). */
    private static int positive(Path file, Map<String, String> v, String key, int min) {
        String text = v.getOrDefault(key, key.equals("sweep.halving.eta") ? "3" : "1");
        try {
            int n = Integer.parseInt(text);
            if (n >= min) return n;
        } catch (NumberFormatException e) {
            // reported below with the expectation
        }
        throw new IllegalArgumentException(file + ": key '" + key + "' = '" + text + "': expected an integer >= " + min);
    }
}
