package org.firstspike.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A run directory on the local filesystem; files are replaced atomically (temporary file, then rename). */
public final class LocalRunFiles implements RunFiles {
    private final Path dir;

    public LocalRunFiles(Path dir) {
        this.dir = dir;
    }

    @Override public String location() { return dir.toString(); }

    @Override
    public String readText(String name) throws IOException {
        Path p = dir.resolve(name);
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
    }

    @Override
    public void write(String name, byte[] bytes) throws IOException {
        Path target = dir.resolve(name);
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
