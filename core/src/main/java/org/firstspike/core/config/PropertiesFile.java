package org.firstspike.core.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reads a {@code key = value} file (Java properties syntax), the form of configs and sweep files. */
public final class PropertiesFile {
    private PropertiesFile() {}

    /**
     * The file's entries, values trimmed, in key order (so checks report the same first error every time);
     * {@code kind} names the file in messages, e.g. "config file".
     */
    public static SortedMap<String, String> read(Path file, String kind) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": " + kind + " not found");
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file + ": malformed " + kind);
        }
    }

    /** The entries of a file's text; {@code where} starts the message when it is malformed. */
    public static SortedMap<String, String> parse(String text, String where) throws IOException {
        return parse(new StringReader(text), where);
    }

    private static SortedMap<String, String> parse(Reader r, String where) throws IOException {
        Properties p = new Properties();
        try {
            p.load(r);
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": " + e.getMessage());
        }
        SortedMap<String, String> entries = new TreeMap<>();
        for (String k : p.stringPropertyNames()) entries.put(k, p.getProperty(k).trim());
        return entries;
    }
}
