package org.firstspike.prep.job;

import java.io.IOException;

/**
 * The bytes of one input and its optional companion (a labels file), read whole by the task that processes them;
 * reading also fills the report's size, checksums and read and checksum times.
 */
record InputFiles(byte[] content, byte[] companion) {

    static InputFiles read(String path, String companionPath, SourceReport report) throws IOException {
        long t0 = System.nanoTime();
        byte[] content = HadoopFiles.readAll(path);
        byte[] companion = companionPath == null ? null : HadoopFiles.readAll(companionPath);
        long t1 = System.nanoTime();
        report.bytes = content.length + (companion == null ? 0 : companion.length);
        report.sha256 = PrepRun.sha256(content) + (companion == null ? "" : " " + PrepRun.sha256(companion));
        report.readNanos += t1 - t0;
        report.checksumNanos += System.nanoTime() - t1;
        return new InputFiles(content, companion);
    }
}
