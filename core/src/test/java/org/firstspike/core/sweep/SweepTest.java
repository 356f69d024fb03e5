package org.firstspike.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.firstspike.core.config.Settings;
import org.firstspike.core.metrics.EvalResult;
import org.junit.jupiter.api.Test;

/** The rung logic of successive halving over a stand-in executor whose trials reach a fixed accuracy per epoch. */
class SweepTest {
    /** A trial whose accuracy after epoch e is quality * e / 10 (train.lr carries the quality). */
    private static Trial trial(double quality) {
        return Trial.of(Map.of("train.lr", Double.toString(quality)),
                Settings.defaults().with(List.of("train.lr=" + quality, "train.epochs=9")));
    }

    /** Trains by formula, counting the epochs it was asked for; a quality of 0.5 fails. */
    private static final class Formula implements Sweep.Executor {
        int epochs;

        @Override
        public List<TrialRun> advance(List<TrialRun> runs, List<Integer> targets, String stage) {
            List<TrialRun> out = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                TrialRun r = runs.get(i);
                double q = Double.parseDouble(r.trial().params().get("train.lr"));
                if (q == 0.5) {
                    out.add(r.with(r.result().failed(TrialStatus.FAILED, "diverged", 1)));
                    continue;
                }
                List<Double> curve = new ArrayList<>();
                for (int e = r.result().epochs() + 1; e <= targets.get(i); e++) curve.add(q * e / 10);
                epochs += curve.size();
                EvalResult last = new EvalResult(10, curve.get(curve.size() - 1), 0, new double[0], 0.1, Double.NaN, new long[0][], new long[0]);
                out.add(r.with(r.result().trained(curve, last, 1)));
            }
            return out;
        }
    }

    @Test
    void halvingPromotesTheBestThirdAndRecordsFailures() throws IOException {
        List<Trial> trials = new ArrayList<>();
        for (double q : new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) trials.add(trial(q));
        Formula executor = new Formula();
        List<Integer> rungs = new ArrayList<>();
        Sweep.Outcome o = new Sweep(HalvingSchedule.of(1, 3)).run(trials, List.of(), executor, r -> rungs.add(r.size()));
        assertEquals(3, rungs.size());
        assertEquals(8 + 3 * 2 + 6, executor.epochs, "8 trials x 1 epoch, 3 to 3 epochs, 1 to 9");
        Map<String, TrialResult> r = o.results();
        assertEquals(TrialStatus.FAILED, r.get(trials.get(4).id()).status());
        assertEquals("diverged", r.get(trials.get(4).id()).reason());
        assertEquals(TrialStatus.DONE, r.get(trials.get(8).id()).status());
        assertEquals(9, r.get(trials.get(8).id()).epochs());
        assertEquals(TrialStatus.STOPPED, r.get(trials.get(7).id()).status());
        assertEquals(3, r.get(trials.get(7).id()).epochs());
        assertEquals(1, r.get(trials.get(0).id()).epochs());
        assertEquals(trials.get(8).id(), o.best().trial().id());
    }

    @Test
    void recordedTrialsTakePartInTheRankingsOfARerun() throws IOException {
        List<Trial> trials = new ArrayList<>();
        for (double q : new double[] {0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9}) trials.add(trial(q));
        Map<String, TrialResult> first = new Sweep(HalvingSchedule.of(1, 3)).run(trials, List.of(), new Formula(), r -> {}).results();
        // rerun with the best and a stopped trial lost: they train again and end as before
        List<TrialResult> kept = new ArrayList<>(first.values());
        TrialResult best = first.get(trials.get(7).id()), stopped = first.get(trials.get(6).id());
        kept.remove(best);
        kept.remove(stopped);
        Formula executor = new Formula();
        Sweep.Outcome again = new Sweep(HalvingSchedule.of(1, 3)).run(List.of(trials.get(6), trials.get(7)), kept, executor, r -> {});
        assertEquals(best, again.results().get(best.id()));
        assertEquals(stopped.status(), again.results().get(stopped.id()).status());
        assertEquals(stopped.epochs(), again.results().get(stopped.id()).epochs());
        assertEquals(2 + 2 * 2 + 6, executor.epochs, "both to 1 epoch, both to 3 (the recorded 0.7 is the third), the best to 9");
        assertNull(new Sweep(HalvingSchedule.none()).run(List.of(), List.of(), executor, r -> {}).best());
    }

    @Test
    void recordsSurviveJson() {
        Trial t = trial(0.3);
        EvalResult eval = new EvalResult(10, 0.75, 0, new double[0], 0.2, Double.NaN, new long[0][], new long[0]);
        TrialResult r = TrialResult.start(t).trained(List.of(0.5, 0.75), eval, 2.5).withStatus(TrialStatus.DONE);
        String line = r.toJson().toString();
        assertTrue(line.contains("\"mean_first_spike_step\":null"), line);
        assertEquals(r, TrialResult.fromJson(line, "x"));
        TrialResult invalid = TrialResult.invalid(t, "no");
        assertEquals(invalid, TrialResult.fromJson(invalid.toJson().toString(), "x"));
    }
}
