package org.firstspike.core.sweep;

import java.util.ArrayList;
import java.util.List;
import org.firstspike.core.config.ModelConfigs;
import org.firstspike.core.config.Settings;
import org.firstspike.core.data.SampleFormat;
import org.firstspike.core.data.SampleSet;
import org.firstspike.core.exec.ComputeThreads;
import org.firstspike.core.metrics.EvalResult;
import org.firstspike.core.net.ModelConfig;
import org.firstspike.core.net.Network;
import org.firstspike.core.net.NetworkFamily;
import org.firstspike.core.net.ParameterVector;
import org.firstspike.core.train.EpochReport;
import org.firstspike.core.train.TrainConfig;
import org.firstspike.core.train.Trainer;
import org.firstspike.core.train.TrainingListener;
import org.firstspike.core.train.TrainingState;

/**
 * Trains one trial to a number of epochs with the core trainer, continuing from its saved state. A trial uses one
 * core: a sweep gets its parallelism from trials side by side. A failure is returned as a failed record, not thrown,
 * so one bad trial never stops a sweep.
 */
public final class TrialTraining {
    private TrialTraining() {}

    public static TrialRun advance(TrialRun run, int toEpoch, SampleSet train, SampleSet test) {
        long start = System.nanoTime();
        try {
            ComputeThreads.use(1);
            Settings settings = Settings.of(run.trial().settings()).with("train.threads", "1");
            TrainConfig cfg = TrainConfig.from(settings);
            Network net = Network.create(ModelConfigs.from(settings), cfg.seed());
            Trainer trainer = new Trainer(net, cfg);
            if (run.state() != null) run.state().applyTo(net, trainer.optimizer());
            List<EpochReport> reports = trainer.fitEpochs(train, test, run.result().epochs() + 1, toEpoch, new TrainingListener() {});
            List<Double> curve = new ArrayList<>();
            for (EpochReport r : reports) curve.add(r.test().accuracy());
            EvalResult last = reports.get(reports.size() - 1).test();
            TrialResult result = run.result().trained(curve, last, seconds(start));
            return new TrialRun(run.trial(), result, TrainingState.of(net, trainer.optimizer()), last);
        } catch (RuntimeException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
            return new TrialRun(run.trial(), run.result().failed(TrialStatus.FAILED, reason, seconds(start)), null, null);
        }
    }

    /** Why a trial's settings cannot train on data of {@code format} (an invalid combination), or null if they can. */
    public static String refusal(Trial trial, SampleFormat format) {
        try {
            Settings settings = Settings.of(trial.settings());
            ModelConfig model = ModelConfigs.from(settings);
            TrainConfig cfg = TrainConfig.from(settings);
            Network.create(model, cfg.seed());
            format.checkCompatible(model.input(), model.dataEncoding(), model.timeSteps());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * A rough cost of training a valid trial for {@code epochs} epochs: parameters x time steps (ETTFS) x epochs. Only
     * the order matters: tasks are launched most expensive first, so that the last ones to finish are small and no core
     * waits long on a straggler (longest-processing-time-first scheduling).
     */
    public static double cost(Trial trial, int epochs) {
        ModelConfig model = ModelConfigs.from(Settings.of(trial.settings()));
        Network net = Network.create(model, 0L);
        int steps = model.family() == NetworkFamily.ETTFS ? model.timeSteps() : 1;
        return (double) ParameterVector.size(net.parameters()) * steps * epochs;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
