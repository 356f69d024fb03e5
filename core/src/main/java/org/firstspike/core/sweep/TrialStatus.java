package org.firstspike.core.sweep;

/** Where a trial stands, in the order results tables list them. */
public enum TrialStatus {
    /** Trained to its {@code train.epochs}. */
    DONE,
    /** Early-stopped by successive halving after a rung. */
    STOPPED,
    /** Training threw (e.g. the loss diverged, or an executor failed): retried by a rerun. */
    FAILED,
    /** Its settings are refused (e.g. an invalid combination): deterministic, so a rerun does not retry it. */
    INVALID,
    /** Promoted to the next rung; trials.jsonl shows it between rungs, and a rerun trains it again. */
    RUNNING;

    /** Whether a rerun of the sweep keeps this result instead of training the trial again. */
    public boolean isFinal() {
        return this == DONE || this == STOPPED || this == INVALID;
    }

    public String label() {
        return name().toLowerCase();
    }
}
