package org.firstspike.prep.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.firstspike.core.cli.CommandLine;
import org.firstspike.prep.image.ImageUnit;
import org.firstspike.prep.layout.CorpusListing;
import org.firstspike.prep.layout.PlannedInputs;
import org.firstspike.prep.recipe.Rejection;
import org.firstspike.prep.recipe.ImageRecipe;

/**
 * {@code firstspike prep-images} (spark-submit main class): converts IDX or CIFAR binary image sets into Parquet
 * tensors (intensities or latency codes), one task per block of images.
 */
public final class PrepImagesJob {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PrepImagesJob() {}

    public static void main(String[] argv) {
        CommandLine.run("prep-images", () -> System.out.println(JSON.writeValueAsString(run(argv))));
    }

    public static ObjectNode run(String[] argv) throws IOException {
        ImageRecipe recipe = ImageRecipe.parse(argv);
        String input = HadoopFiles.qualify(recipe.input());
        String out = HadoopFiles.qualify(recipe.out());
        CorpusListing listing = HadoopFiles.list(input);
        PlannedInputs<ImageUnit> plan = recipe.corpus().plan(listing, recipe.imagesPerTask());
        List<Rejection> planRejections = PrepRun.planRejections(plan, recipe.onBadInput());
        List<ImageUnit> units = plan.units();
        ObjectNode dataset = PrepRun.datasetFacts(recipe.corpus().name(), recipe.corpus().classes());
        dataset.put("encoding", recipe.coding().name());
        PrepRun.Spec spec = new PrepRun.Spec("prep-images", out, recipe.compression(), 1, recipe.onBadInput(),
                recipe.toJson(), dataset, PrepRun.cacheKey(recipe.toJson(), listing));
        ObjectNode previous = PrepRun.previousRun(spec, recipe.force());
        if (previous != null) {
            System.err.println("prep-images: " + out + " is up to date (same recipe and inputs); pass --force to rebuild");
            previous.put("cached", true);
            return previous;
        }
        System.err.printf("prep-images: %s, %d blocks of up to %d images, encoding %s%n", recipe.corpus().name(), units.size(),
                recipe.imagesPerTask(), recipe.coding().name());
        SparkSession spark = Sessions.get("firstspike prep-images");
        ObjectNode summary = PrepRun.execute(spark, spec, units, new ImageTaskBody(recipe.corpus(), recipe.coding()),
                planRejections, plan.ignored());
        summary.put("cached", false);
        return summary;
    }
}
