package org.firstspike.prep.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.firstspike.prep.layout.CorpusListing;

/** File access on any Hadoop filesystem (file:, hdfs:, s3a:, ...) for the prep jobs, driver and tasks alike. */
public final class HadoopFiles {
    private HadoopFiles() {}

    /** A local path or URI, qualified against its filesystem (so "data/x" becomes "file:/.../data/x"). */
    public static String qualify(String pathOrUri) throws IOException {
        Path p = new Path(pathOrUri);
        return p.getFileSystem(new Configuration()).makeQualified(p).toString();
    }

    public static byte[] readAll(String uri) throws IOException {
        // Local files skip Hadoop's checksum filesystem (a .crc lookup and a status call per open): on a corpus of
        // small files such as N-MNIST that per-file overhead costs more than reading the file.
        if (localFile(uri) != null) return java.nio.file.Files.readAllBytes(localFile(uri));
        Path p = new Path(uri);
        FileSystem fs = p.getFileSystem(new Configuration());
        long length = fs.getFileStatus(p).getLen();
        if (length > Integer.MAX_VALUE - 8)
            throw new IOException(uri + ": " + length + " bytes; files above 2 GB are not supported as one input");
        try (InputStream in = fs.open(p)) {
            return in.readNBytes((int) length);
        }
    }

    public static boolean exists(String uri) throws IOException {
        Path p = new Path(uri);
        return p.getFileSystem(new Configuration()).exists(p);
    }

    public static String readString(String uri) throws IOException {
        return new String(readAll(uri), StandardCharsets.UTF_8);
    }

    /** The local file of a {@code file:} URI, or null for any other filesystem. */
    public static java.nio.file.Path localFile(String uri) {
        return uri.startsWith("file:") ? java.nio.file.Path.of(java.net.URI.create(uri)) : null;
    }

    /**
     * Writes through a temporary file and a rename, so readers never see a partial file, nor a missing one: local
     * files move atomically (NIO), other filesystems use FileContext's overwriting rename (atomic on HDFS).
     */
    public static void writeAtomically(String uri, String text) throws IOException {
        writeAtomically(uri, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeAtomically(String uri, byte[] bytes) throws IOException {
        java.nio.file.Path local = localFile(uri);
        if (local != null) {
            java.nio.file.Files.createDirectories(local.getParent());
            java.nio.file.Path tmp = local.resolveSibling("." + local.getFileName() + ".tmp");
            java.nio.file.Files.write(tmp, bytes);
            java.nio.file.Files.move(tmp, local, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path target = new Path(uri);
        FileSystem fs = target.getFileSystem(new Configuration());
        Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(bytes);
        }
        replace(tmp, target);
    }

    /**
     * Renames {@code from} over {@code to} in one step (FileContext's overwriting rename, atomic on HDFS): a reader
     * sees the old file or the new one, never none, and a crash cannot lose both.
     */
    public static void replace(Path from, Path to) throws IOException {
        FileContext fc = FileContext.getFileContext(to.toUri(), new Configuration());
        fc.rename(from, to, Options.Rename.OVERWRITE);
    }

    public static void delete(String uri) throws IOException {
        Path p = new Path(uri);
        p.getFileSystem(new Configuration()).delete(p, true);
    }

    /** Names directly inside a directory (empty when it does not exist). */
    public static List<String> children(String uri) throws IOException {
        Path p = new Path(uri);
        FileSystem fs = p.getFileSystem(new Configuration());
        List<String> names = new ArrayList<>();
        if (!fs.exists(p)) return names;
        for (FileStatus s : fs.listStatus(p)) names.add(s.getPath().getName());
        return names;
    }

    /**
     * Plain {@code listStatus} recursion rather than {@code listFiles}: the latter builds LocatedFileStatus objects,
     * which on the local filesystem forks a {@code stat} process per file to copy permissions (minutes for 70,000
     * files); sizes and times need no such call.
     */
    private static void collect(FileSystem fs, Path dir, String prefix, List<CorpusListing.Entry> out) throws IOException {
        for (FileStatus s : fs.listStatus(dir)) {
            if (s.isDirectory()) {
                collect(fs, s.getPath(), prefix, out);
                continue;
            }
            String full = s.getPath().toUri().getPath();
            String relative = full.startsWith(prefix) ? full.substring(prefix.length()) : s.getPath().getName();
            out.add(new CorpusListing.Entry(relative, s.getPath().toString(), s.getLen(), s.getModificationTime()));
        }
    }

    /** Every file below {@code root}, recursively, sorted by relative path. */
    public static CorpusListing list(String root) throws IOException {
        Path base = new Path(root);
        FileSystem fs = base.getFileSystem(new Configuration());
        if (!fs.exists(base) || !fs.getFileStatus(base).isDirectory())
            throw new IOException(root + ": input folder not found");
        String prefix = fs.makeQualified(base).toUri().getPath();
        if (!prefix.endsWith("/")) prefix += "/";
        List<CorpusListing.Entry> files = new ArrayList<>();
        collect(fs, base, prefix, files);
        files.sort(Comparator.comparing(CorpusListing.Entry::relative));
        List<CorpusListing.Entry> sorted = List.copyOf(files);
        return new CorpusListing() {
            @Override public List<Entry> files() { return sorted; }

            @Override
            public InputStream open(Entry file) throws IOException {
                return fs.open(new Path(file.path()));
            }
        };
    }
}
