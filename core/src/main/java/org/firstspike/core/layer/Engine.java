package org.firstspike.core.layer;

/**
 * Which implementation runs a pass. All three compute the same function.
 * FAST exploits TTFS structure: a constant input is processed once, single-spike inputs event by event.
 * DENSE uses the same BLAS kernels but processes every one of the T steps (what an eager framework does).
 * REFERENCE is the plain definition: every input expanded to T frames and naive loops; the fast paths are tested
 * against it.
 */
public enum Engine {
    FAST, DENSE, REFERENCE;

    public static Engine parse(String s) {
        return switch (s.toLowerCase()) {
            case "fast" -> FAST;
            case "dense" -> DENSE;
            case "reference" -> REFERENCE;
            default -> throw new IllegalArgumentException("train.engine '" + s + "': expected fast, dense or reference");
        };
    }

    /** Whether layers may use the one-frame and single-spike shortcuts. */
    public boolean structured() { return this == FAST; }

    public boolean naive() { return this == REFERENCE; }
}
