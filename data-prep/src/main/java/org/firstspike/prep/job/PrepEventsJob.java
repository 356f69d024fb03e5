package org.firstspike.prep.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.firstspike.core.cli.CommandLine;
import org.firstspike.prep.event.SensorSize;
import org.firstspike.prep.frame.FrameBinning;
import org.firstspike.prep.layout.CorpusListing;
import org.firstspike.prep.layout.EventLayout;
import org.firstspike.prep.layout.InputUnit;
import org.firstspike.prep.layout.PlannedInputs;
import org.firstspike.prep.recipe.EventRecipe;
import org.firstspike.prep.recipe.Rejection;

/**
 * {@code firstspike prep-events} (spark-submit main class): converts a DVS corpus (DVS128 Gesture, N-MNIST,
 * CIFAR10-DVS) into Parquet time-binned tensors, one task per recording or block of recordings.
 */
public final class PrepEventsJob {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PrepEventsJob() {}

    public static void main(String[] argv) {
        CommandLine.run("prep-events", () -> System.out.println(JSON.writeValueAsString(run(argv))));
    }

    public static ObjectNode run(String[] argv) throws IOException {
        EventRecipe recipe = EventRecipe.parse(argv);  // every option is checked before Spark starts
        String input = HadoopFiles.qualify(recipe.input());
        String out = HadoopFiles.qualify(recipe.out());
        EventLayout layout = recipe.layout();
        CorpusListing listing = HadoopFiles.list(input);
        PlannedInputs<InputUnit> plan = layout.plan(listing);
        List<Rejection> planRejections = PrepRun.planRejections(plan, recipe.onBadInput());
        if (plan.units().isEmpty())
            throw new IOException(input + ": no " + layout.name() + " recordings found"
                    + (plan.ignored().isEmpty() ? "" : " (" + plan.ignored().size() + " other files, e.g. " + plan.ignored().get(0) + ")"));
        PrepRun.Spec spec = new PrepRun.Spec("prep-events", out, recipe.compression(), recipe.taskBytes(), recipe.onBadInput(),
                recipe.toJson(), dataset(recipe), PrepRun.cacheKey(recipe.toJson(), listing));
        ObjectNode previous = PrepRun.previousRun(spec, recipe.force());
        if (previous != null) {
            System.err.println("prep-events: " + out + " is up to date (same recipe and inputs); pass --force to rebuild");
            previous.put("cached", true);
            return previous;
        }
        System.err.printf("prep-events: %s, %d recordings (%d train, %d test), %s%n", layout.name(), plan.units().size(),
                plan.units().stream().filter(u -> u.split().equals("train")).count(),
                plan.units().stream().filter(u -> u.split().equals("test")).count(), describe(recipe.pipeline().binning()));
        SparkSession spark = Sessions.get("firstspike prep-events");
        ObjectNode summary = PrepRun.execute(spark, spec, plan.units(),
                new EventTaskBody(layout, recipe.pipeline(), recipe.onBadInput()), planRejections, plan.ignored());
        summary.put("cached", false);
        return summary;
    }

    private static String describe(FrameBinning b) {
        return b.mode().convention() + " split-by " + b.mode().splitBy()
                + (b.mode().fixedFrameCount() ? ", T=" + b.frames() : "") + ", " + b.polarities() + " polarity channel(s)";
    }

    private static ObjectNode dataset(EventRecipe recipe) {
        EventLayout layout = recipe.layout();
        ObjectNode d = PrepRun.datasetFacts(layout.name(), layout.classes());
        d.put("encoding", "frames");
        SensorSize s = layout.sensor();
        d.putObject("sensor").put("width", s.width()).put("height", s.height());
        SensorSize f = recipe.pipeline().frameSensor(s);
        FrameBinning b = recipe.pipeline().binning();
        if (b.mode().fixedFrameCount())
            d.putArray("frame_shape").add(b.frames()).add(f.polarities()).add(f.height()).add(f.width());
        else
            d.put("frame_shape", "variable T x " + f.polarities() + " x " + f.height() + " x " + f.width());
        d.put("polarity_order", f.polarities() == 2 ? "channel 0 = OFF, channel 1 = ON" : "one merged channel");
        d.put("time_unit", "microseconds");
        d.put("origin", "top-left: x = column (rightwards), y = row (downwards)");
        return d;
    }
}
