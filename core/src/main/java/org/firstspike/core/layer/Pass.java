package org.firstspike.core.layer;

/** How a forward pass runs: T steps and the {@link Engine}. */
public record Pass(int timeSteps, Engine engine) {
    public Pass {
        if (timeSteps < 1) throw new IllegalArgumentException("time steps must be >= 1, got " + timeSteps);
    }
}
