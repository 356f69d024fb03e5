package org.firstspike.core.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs trials through the rungs of a {@link HalvingSchedule}, leaving the training to an {@link Executor} (Spark tasks
 * in the sweep job). Results recorded by an earlier run of the same sweep take part in each rung's ranking at the
 * rung's epoch (from their accuracy curves), so retrying some trials ranks them as if the sweep had run in one go;
 * the recorded trials themselves keep their results.
 */
public final class Sweep {
    /** Trains each run to its target epoch count (a failure comes back as a failed record); {@code stage} is for progress lines. */
    public interface Executor {
        List<TrialRun> advance(List<TrialRun> runs, List<Integer> targets, String stage);
    }

    /** Receives the trained trials' records after every rung (to save them). */
    public interface RungListener {
        void rungEnd(Map<String, TrialResult> results) throws IOException;
    }

    /** The records of the trials trained, and the best of them that finished, with its state (null if none did). */
    public record Outcome(Map<String, TrialResult> results, TrialRun best) {}

    /** Highest accuracy first; the trial id breaks ties, so rankings never depend on the order tasks finish in. */
    public static final Comparator<TrialResult> BEST_FIRST =
            Comparator.comparingDouble((TrialResult r) -> -r.accuracy()).thenComparing(TrialResult::id);

    private final HalvingSchedule schedule;

    public Sweep(HalvingSchedule schedule) {
        this.schedule = schedule;
    }

    public Outcome run(List<Trial> trials, List<TrialResult> recorded, Executor executor, RungListener listener) throws IOException {
        Map<String, TrialResult> results = new LinkedHashMap<>();
        List<TrialRun> alive = new ArrayList<>();
        for (Trial t : trials) {
            alive.add(TrialRun.start(t));
            results.put(t.id(), TrialResult.start(t));
        }
        int rungs = schedule.rungs(trials.stream().mapToInt(Trial::epochs).max().orElse(1));
        TrialRun best = null;
        for (int rung = 0; !alive.isEmpty(); rung++) {
            int budget = schedule.budget(rung);
            List<Integer> targets = alive.stream().map(r -> Math.min(budget, r.trial().epochs())).toList();
            String stage = schedule.enabled() ? String.format("rung %d/%d (%d trials to %d epoch(s))", rung + 1, rungs, alive.size(),
                    targets.stream().mapToInt(Integer::intValue).max().orElse(0)) : alive.size() + " trials";
            List<TrialRun> trained = new ArrayList<>();
            for (TrialRun r : executor.advance(alive, targets, stage)) {
                if (r.result().status() == TrialStatus.FAILED) results.put(r.trial().id(), r.result());
                else trained.add(r);
            }
            List<TrialResult> ranking = new ArrayList<>();
            for (TrialRun r : trained) ranking.add(r.result());
            for (TrialResult r : recorded) if (tookPart(r, rung)) ranking.add(at(r, budget));
            ranking.sort(BEST_FIRST);
            List<String> promoted = ranking.subList(0, Math.min(ranking.size(), schedule.promoted(ranking.size())))
                    .stream().map(TrialResult::id).toList();
            alive = new ArrayList<>();
            for (TrialRun r : trained) {
                boolean finished = r.result().epochs() >= r.trial().epochs();
                TrialStatus s = finished ? TrialStatus.DONE : promoted.contains(r.trial().id()) ? TrialStatus.RUNNING : TrialStatus.STOPPED;
                TrialRun next = r.with(r.result().withStatus(s));
                results.put(r.trial().id(), next.result());
                if (s == TrialStatus.RUNNING) alive.add(next);
                if (s == TrialStatus.DONE && (best == null || BEST_FIRST.compare(next.result(), best.result()) < 0)) best = next;
            }
            listener.rungEnd(results);
        }
        return new Outcome(results, best);
    }

    /** Whether a recorded trial reached rung {@code rung}: it was promoted past every earlier one. */
    private boolean tookPart(TrialResult r, int rung) {
        boolean completed = r.status() == TrialStatus.DONE || r.status() == TrialStatus.STOPPED;
        return completed && (rung == 0 || r.epochs() > schedule.budget(rung - 1));
    }

    /** A recorded trial as it stood at a rung's epoch (for ranking only). */
    private static TrialResult at(TrialResult r, int budget) {
        int epoch = Math.min(budget, r.epochs());
        return new TrialResult(r.id(), r.params(), r.status(), r.reason(), epoch, r.accuracyAt(epoch), r.spikesPerNeuron(),
                r.firstSpikeStep(), r.seconds(), r.curve().subList(0, epoch));
    }
}
