package org.firstspike.core.train;

import org.firstspike.core.config.Settings;
import org.firstspike.core.layer.Engine;

/** Training settings, validated on construction. */
public record TrainConfig(int epochs, int batchSize, String optimizer, double lr, double momentum, double weightDecay,
                          double warmupFraction, LearningRateSchedule.Kind schedule, long decaySteps, double decayRate, long seed, Engine engine, int threads,
                          int trainLimit, int testLimit, int evalBatchSize) {
    public TrainConfig {
        if (epochs < 1) throw new IllegalArgumentException("train.epochs must be >= 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("train.batchSize must be >= 1, got " + batchSize);
        if (!optimizer.equals("adam") && !optimizer.equals("sgd"))
            throw new IllegalArgumentException("train.optimizer '" + optimizer + "': expected adam or sgd");
        if (!(lr > 0)) throw new IllegalArgumentException("train.lr must be > 0, got " + lr);
        if (weightDecay < 0) throw new IllegalArgumentException("train.weightDecay must be >= 0, got " + weightDecay);
        if (warmupFraction < 0 || warmupFraction >= 1)
            throw new IllegalArgumentException("train.warmup must be a fraction in [0,1), got " + warmupFraction);
        if (threads < 0) throw new IllegalArgumentException("train.threads must be >= 0 (0 = all cores), got " + threads);
        if (trainLimit < 0 || testLimit < 0) throw new IllegalArgumentException("train.trainLimit/testLimit must be >= 0");
        if (evalBatchSize < 1) throw new IllegalArgumentException("train.evalBatchSize must be >= 1");
        if (decaySteps < 1) throw new IllegalArgumentException("train.decaySteps must be >= 1, got " + decaySteps);
        if (!(decayRate > 0 && decayRate <= 1)) throw new IllegalArgumentException("train.decayRate must be in (0, 1], got " + decayRate);
    }

    /** The learning rate schedule over {@code totalSteps} global steps. */
    public LearningRateSchedule schedule(long totalSteps) {
        return new LearningRateSchedule(lr, Math.round(warmupFraction * totalSteps), totalSteps, schedule, decaySteps, decayRate);
    }

    public static TrainConfig from(Settings s) {
        return new TrainConfig(s.getInt("train.epochs"), s.getInt("train.batchSize"), s.get("train.optimizer"),
                s.getDouble("train.lr"), s.getDouble("train.momentum"), s.getDouble("train.weightDecay"),
                s.getDouble("train.warmup"), LearningRateSchedule.Kind.parse(s.get("train.schedule")),
                s.getLong("train.decaySteps"), s.getDouble("train.decayRate"), s.getLong("train.seed"),
                Engine.parse(s.get("train.engine")), s.getInt("train.threads"), s.getInt("train.trainLimit"),
                s.getInt("train.testLimit"), s.getInt("train.evalBatchSize"));
    }
}
