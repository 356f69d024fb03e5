package org.firstspike.jobs;

import java.io.Serializable;

/**
 * One predicted sample, a row of the {@code firstspike predict} CSV.
 *
 * @param index           position in the input (dataset order: source, then position in the source)
 * @param source          where the sample came from: file#position
 * @param label           the true class, -1 when unknown
 * @param firstOutputStep 1-based step of the first output spike (T when none fired), -1 for networks whose outputs
 *                        do not spike (B1)
 * @param stepsRun        time steps processed: T for the dense engine, the deciding step + 1 when the event-driven
 *                        engine stopped early; -1 for B1 (continuous time)
 * @param spikes          real spikes over all neuron layers in those steps (B1: hidden layers), -1 where not counted
 *                        per sample (B1 with the dense engine)
 * @param synOps          synaptic operations of the event-driven engine, -1 for the dense engine
 */
record Prediction(long index, String source, int label, int prediction, int firstOutputStep, int stepsRun, long spikes, long synOps)
        implements Serializable {
    static final String CSV_HEADER = "index,source,label,prediction,first_spike_step,steps_run,spikes,synops";

    String csv() {
        return index + "," + quoted(source) + "," + blankIfNegative(label) + "," + prediction + "," + blankIfNegative(firstOutputStep)
                + "," + blankIfNegative(stepsRun) + "," + blankIfNegative(spikes) + "," + blankIfNegative(synOps);
    }

    private static String blankIfNegative(long v) { return v < 0 ? "" : Long.toString(v); }

    /** RFC 4180: a field with a comma, quote or line break goes in quotes, quotes doubled. */
    private static String quoted(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
