package org.firstspike.jobs.ml;

import java.util.List;
import java.util.function.Function;
import org.apache.spark.ml.param.Param;
import org.firstspike.core.config.ModelConfigs;
import org.firstspike.core.config.Settings;
import org.firstspike.core.train.AveragingConfig;
import org.firstspike.core.train.TrainConfig;

/**
 * The FirstSpike settings a fit uses: the schema defaults, overlaid by the {@code settings} param's {@code key=value}
 * entries, overlaid by the typed params. Each key has one source, so an entry of {@code settings} that names a key a
 * typed param owns is an error rather than silently overridden.
 */
final class FitSettings {
    /** A typed param, the key it sets and how the key's schema default becomes the param's default. */
    private record Keyed<T>(Param<T> param, String key, Function<String, T> parse) {
        void setDefault(TtfsParams<?> p) {
            p.setDefault(param, parse.apply(Settings.defaults().get(key)));
        }
    }

    private FitSettings() {}

    private static List<Keyed<?>> keyed(TtfsParams<?> p) {
        return List.of(
                new Keyed<>(p.family(), "model.family", Function.identity()),
                new Keyed<>(p.layers(), "model.layers", Function.identity()),
                new Keyed<>(p.inputShape(), "model.input", Function.identity()),
                new Keyed<>(p.classes(), "model.classes", Integer::valueOf),
                new Keyed<>(p.timeSteps(), "model.timeSteps", Integer::valueOf),
                new Keyed<>(p.epochs(), "train.epochs", Integer::valueOf),
                new Keyed<>(p.batchSize(), "train.batchSize", Integer::valueOf),
                new Keyed<>(p.learningRate(), "train.lr", Double::valueOf),
                new Keyed<>(p.workers(), "train.workers", Integer::valueOf),
                new Keyed<>(p.seed(), "train.seed", Long::valueOf));
    }

    /** The defaults of every param: the usual ML column names, the schema's values for the typed params. */
    static void setDefaults(TtfsParams<?> p) {
        p.setDefault(p.featuresCol(), "features");
        p.setDefault(p.labelCol(), "label");
        p.setDefault(p.predictionCol(), "prediction");
        p.setDefault(p.probabilityCol(), "probability");
        p.setDefault(p.rawPredictionCol(), "rawPrediction");
        p.setDefault(p.settings(), new String[0]);
        for (Keyed<?> k : keyed(p)) k.setDefault(p);
    }

    /** The validated settings of a fit with these params; a message names the param or key that is wrong. */
    static Settings of(TtfsParams<?> p) {
        List<Keyed<?>> keyed = keyed(p);
        for (String entry : p.getSettings()) {
            String key = entry.substring(0, Math.max(0, entry.indexOf('='))).trim();
            for (Keyed<?> k : keyed)
                if (k.key().equals(key))
                    throw new IllegalArgumentException("settings: '" + entry + "' sets " + key + ", which the param '"
                            + k.param().name() + "' owns; set that param instead");
        }
        try {
            Settings s = Settings.defaults().with(List.of(p.getSettings()));
            for (Keyed<?> k : keyed) s = s.with(k.key(), String.valueOf(p.getOrDefault(k.param())));
            ModelConfigs.from(s);
            TrainConfig.from(s);
            AveragingConfig.from(s);
            return s;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(p.uid() + ": " + e.getMessage(), e);
        }
    }
}
