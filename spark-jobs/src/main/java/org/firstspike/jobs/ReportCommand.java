package org.firstspike.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.firstspike.core.cli.CommandLine;
import org.firstspike.core.report.SweepReport;
import org.firstspike.core.report.TrainingReport;
import org.firstspike.prep.job.HadoopFiles;

/**
 * {@code firstspike report RUN_DIR}: redraws the plots and report.html of a training run (train-local, train, demo)
 * or a sweep from the files in its directory, on any Hadoop filesystem. No Spark, no data, no model needed.
 */
public final class ReportCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportCommand() {}

    public static void main(String[] argv) {
        CommandLine.run("report", () -> System.out.println(JSON.writeValueAsString(run(argv))));
    }

    public static ObjectNode run(String[] argv) throws IOException {
        if (argv.length != 1 || argv[0].startsWith("--"))
            throw new IllegalArgumentException("usage: firstspike report RUN_DIR (a training run or a sweep directory)");
        String uri = HadoopFiles.qualify(argv[0]);
        if (!HadoopFiles.exists(uri)) throw new IOException(uri + ": no such run directory");
        RunDirectory run = new RunDirectory(uri);
        boolean sweep = run.exists("trials.jsonl");
        List<String> files = sweep ? SweepReport.write(run) : TrainingReport.write(run);
        ObjectNode o = JSON.createObjectNode();
        o.put("run", uri);
        o.put("kind", sweep ? "sweep" : "training");
        o.put("report", run.resolve("report.html"));
        ArrayNode plots = o.putArray("plots");
        files.stream().filter(f -> f.endsWith(".png")).forEach(f -> plots.add(run.resolve(f)));
        return o;
    }
}
