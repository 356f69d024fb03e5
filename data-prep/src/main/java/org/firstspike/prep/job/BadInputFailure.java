package org.firstspike.prep.job;

/**
 * Recovers the reader's one-line message from a failed Spark job, so a bad input under the fail policy ends the
 * command with "file: at byte N: what" rather than a page of scheduler stack trace.
 */
final class BadInputFailure {
    private static final String MARKER = "MalformedInputException: ";

    private BadInputFailure() {}

    /** The bad-input message in {@code t}'s cause chain or text, or null when the failure is something else. */
    static String messageOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof org.firstspike.core.io.MalformedInputException) return c.getMessage();
            String text = String.valueOf(c.getMessage());
            int at = text.indexOf(MARKER);
            if (at >= 0) {
                int end = text.indexOf('\n', at);
                return text.substring(at + MARKER.length(), end < 0 ? text.length() : end).trim();
            }
        }
        return null;
    }
}
