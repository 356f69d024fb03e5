package org.firstspike.core.sweep;

/** Where a trial stands; the first three are final, and a rerun of the sweep skips them. */
public enum TrialStatus {
    /** Trained to its {@code train.epochs}. */
    DONE,
    /** Early-stopped by successive halving after a rung. */
    STOPPED,
    /** Its settings are refused (e.g. an invalid combination): deterministic, so never retried. */
    INVALID,
    /** Training threw (e.g. the loss diverged, or an executor failed): retried by a rerun. */
    FAILED,
    /** Promoted to the next rung; trials.jsonl shows it between rungs, and a rerun trains it again. */
    RUNNING;

    public boolean isFinal() {
        return this == DONE || this == STOPPED || this == INVALID;
    }

    public String label() {
        return name().toLowerCase();
    }
}
