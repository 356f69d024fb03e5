package org.firstspike.core.train;

import org.firstspike.core.metrics.EvalResult;

/**
 * One epoch: training loss/accuracy over the epoch's batches, test metrics at its end (null for a run without an
 * evaluation split), and throughput.
 */
public record EpochReport(int epoch, double trainLoss, double trainAccuracy, EvalResult test,
                          double trainSamplesPerSecond, double epochSeconds, double learningRate) {
}
