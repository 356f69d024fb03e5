package org.firstspike.core.sweep;

import java.io.Serializable;
import org.firstspike.core.metrics.EvalResult;
import org.firstspike.core.train.TrainingState;

/**
 * A trial in progress: its record so far, its training state (parameters, optimizer moments, buffers, step count)
 * and the full test metrics of its last epoch (with the confusion matrix and first-spike histogram the record leaves
 * out); both null before the first epoch. Shipped to the task that trains its next rung and back: a sweep trains
 * small networks, so the state is small, and nothing needs a filesystem shared by driver and executors.
 */
public record TrialRun(Trial trial, TrialResult result, TrainingState state, EvalResult lastTest) implements Serializable {
    public static TrialRun start(Trial trial) {
        return new TrialRun(trial, TrialResult.start(trial), null, null);
    }

    /** This run with another record (a status decided by the driver), the same state. */
    public TrialRun with(TrialResult r) {
        return new TrialRun(trial, r, state, lastTest);
    }
}
