package org.firstspike.core.train;

/** Receives progress during training (for console output, metrics files, checkpoints). */
public interface TrainingListener {
    /** Called every few seconds: global step, total steps, running loss and accuracy, samples/s, seconds left. */
    default void progress(int epoch, long step, long totalSteps, double loss, double accuracy,
                          double samplesPerSecond, double etaSeconds) {}

    /** After each epoch's test evaluation, and once for epoch 0 (before training; train fields NaN). */
    default void epochEnd(EpochReport report) {}
}
