package org.firstspike.core.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Minimal GNU-style option parsing: --name value, repeatable --set key=value, and boolean flags. */
public final class Args {
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> sets = new ArrayList<>();
    private final Set<String> flags;

    private Args(Set<String> flags) {
        this.flags = flags;
    }

    public static Args parse(String[] argv, Set<String> valued, Set<String> flags) {
        Args a = new Args(flags);
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (flags.contains(arg)) {
                a.options.put(arg, "true");
            } else if (valued.contains(arg) || arg.equals("--set")) {
                if (i + 1 >= argv.length) throw new IllegalArgumentException(arg + " needs a value");
                String v = argv[++i];
                if (arg.equals("--set")) a.sets.add(v);
                else a.options.put(arg, v);
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; options: "
                        + String.join(" ", valued) + " --set key=value " + String.join(" ", flags));
            }
        }
        return a;
    }

    public String get(String name, String fallback) { return options.getOrDefault(name, fallback); }

    public boolean has(String name) { return options.containsKey(name); }

    public boolean flag(String name) { return flags.contains(name) && options.containsKey(name); }

    public List<String> sets() { return sets; }
}
