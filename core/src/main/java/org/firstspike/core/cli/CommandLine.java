package org.firstspike.core.cli;

import java.io.IOException;

/** Runs a command's body and turns a user error (bad config, file or argument) into one line and exit code 2. */
public final class CommandLine {
    private CommandLine() {}

    public interface Body {
        void run() throws IOException;
    }

    public static void run(String command, Body body) {
        try {
            body.run();
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            System.err.println("firstspike " + command + ": " + e.getMessage());
            System.exit(2);
        }
    }
}
