package org.firstspike.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.firstspike.core.io.ModelContents;
import org.firstspike.core.io.MalformedInputException;
import org.firstspike.core.io.ModelFile;
import org.firstspike.core.report.RunFiles;
import org.firstspike.prep.job.HadoopFiles;

/**
 * A run's output folder on any Hadoop filesystem. Every file is written whole and atomically (temporary name, then
 * rename), so a crash leaves the previous version, never a torn one: metrics.jsonl is rewritten at each epoch, and
 * model files are built locally in the checked container format and then copied in.
 */
public final class RunDirectory implements RunFiles {
    private final String uri;
    private final FileSystem fs;

    public RunDirectory(String uri) throws IOException {
        this.uri = uri;
        Path p = new Path(uri);
        this.fs = p.getFileSystem(new Configuration());
        fs.mkdirs(p);
    }

    String uri() {
        return uri;
    }

    @Override public String location() { return uri; }

    @Override
    public String readText(String name) throws IOException {
        return exists(name) ? HadoopFiles.readString(resolve(name)) : null;
    }

    @Override
    public void write(String name, byte[] bytes) throws IOException {
        HadoopFiles.writeAtomically(resolve(name), bytes);
    }

    String resolve(String name) {
        return uri + "/" + name;
    }

    boolean exists(String name) throws IOException {
        return fs.exists(new Path(resolve(name)));
    }

    void writeText(String name, String text) throws IOException {
        HadoopFiles.writeAtomically(resolve(name), text);
    }

    List<String> readLines(String name) throws IOException {
        if (!exists(name)) return new ArrayList<>();
        String text = HadoopFiles.readString(resolve(name));
        return new ArrayList<>(text.isEmpty() ? List.of() : List.of(text.split("\n")));
    }

    public void writeModel(String name, ModelContents contents) throws IOException {
        java.nio.file.Path direct = HadoopFiles.localFile(resolve(name));
        if (direct != null) {  // the container writer replaces local files atomically itself
            Files.createDirectories(direct.getParent());
            ModelFile.write(direct, contents);
            return;
        }
        java.nio.file.Path local = Files.createTempFile("firstspike-", ".fspk");
        try {
            ModelFile.write(local, contents);
            Path target = new Path(resolve(name));
            fs.mkdirs(target.getParent());
            Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
            fs.copyFromLocalFile(false, true, new Path(local.toUri()), tmp);
            HadoopFiles.replace(tmp, target);
        } finally {
            Files.deleteIfExists(local);
        }
    }

    ModelContents readModel(String name) throws IOException {
        return readModelFile(resolve(name));
    }

    /** A model or checkpoint file anywhere (copied to a local temporary file, where the container's checks run). */
    public static ModelContents readModelFile(String uri) throws IOException {
        java.nio.file.Path direct = HadoopFiles.localFile(uri);
        if (direct != null) {
            if (!Files.exists(direct)) throw new java.io.FileNotFoundException(uri + ": model file not found");
            return ModelFile.read(direct);
        }
        Path source = new Path(uri);
        FileSystem fs = source.getFileSystem(new Configuration());
        if (!fs.exists(source)) throw new java.io.FileNotFoundException(uri + ": model file not found");
        java.nio.file.Path local = Files.createTempFile("firstspike-", ".fspk");
        try {
            fs.copyToLocalFile(false, source, new Path(local.toUri()), true);
            return ModelFile.read(local);
        } catch (MalformedInputException e) {
            throw new MalformedInputException(uri, e.offset(), e.what());
        } finally {
            Files.deleteIfExists(local);
        }
    }

    void writeLines(String name, List<String> lines) throws IOException {
        writeText(name, lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
    }
}
