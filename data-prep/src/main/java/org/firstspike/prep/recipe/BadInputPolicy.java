package org.firstspike.prep.recipe;

/**
 * What a prep job does with an input that does not match its format. FAIL (the default) stops the job with the
 * reader's message (file, byte offset, expectation); SKIP sets the input aside, lists it in the rejected-inputs
 * table with that message, counts it in the summary, and goes on. Nothing is ever dropped silently.
 */
public enum BadInputPolicy {
    FAIL, SKIP;

    public static BadInputPolicy parse(String s) {
        return switch (s.toLowerCase()) {
            case "fail" -> FAIL;
            case "skip" -> SKIP;
            default -> throw new IllegalArgumentException("on-bad-input '" + s + "': expected fail or skip");
        };
    }
}
