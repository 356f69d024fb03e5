package org.firstspike.core.sweep;

import java.util.Comparator;
import java.util.List;

/** The console table of a sweep's results: finished trials first, best first; then the failed ones with their reasons. */
public final class ResultsTable {
    /** Status (done, stopped, failed, invalid), then accuracy: the order of the table and of results.csv. */
    public static final Comparator<TrialResult> ORDER =
            Comparator.comparing(TrialResult::status).thenComparing(Sweep.BEST_FIRST);

    private ResultsTable() {}

    public static String format(List<TrialResult> results) {
        List<TrialResult> sorted = results.stream().sorted(ORDER).toList();
        int paramsWidth = Math.max(10, sorted.stream().mapToInt(r -> params(r).length()).max().orElse(0));
        String row = "%-10s  %-" + paramsWidth + "s  %9s  %13s  %11s  %6s  %8s  %s%n";
        StringBuilder b = new StringBuilder(String.format(row, "trial", "parameters", "test acc", "spikes/neuron", "first spike",
                "epochs", "seconds", "status"));
        for (TrialResult r : sorted)
            b.append(String.format(row, r.id(), params(r), number(100 * r.accuracy(), "%.2f%%"), number(r.spikesPerNeuron(), "%.3f"),
                    number(r.firstSpikeStep(), "%.2f"), r.epochs(), String.format("%.1f", r.seconds()), r.status().label()));
        for (TrialResult r : sorted)
            if (r.reason() != null) b.append(String.format("%s %s: %s%n", r.id(), r.status().label(), r.reason()));
        return b.toString();
    }

    /** The searched parameters as {@code key=value} pairs in key order. */
    public static String params(TrialResult r) {
        StringBuilder b = new StringBuilder();
        r.params().forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return b.toString();
    }

    private static String number(double v, String format) {
        return Double.isFinite(v) ? String.format(format, v) : "-";
    }
}
