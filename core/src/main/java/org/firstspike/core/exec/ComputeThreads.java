package org.firstspike.core.exec;

import org.firstspike.core.blas.Blas;

/** Sets the threads of both compute engines: OpenBLAS and the element-wise {@link Workers}. */
public final class ComputeThreads {
    private ComputeThreads() {}

    /** {@code requested} threads, or all cores for 0; returns the number used. */
    public static int use(int requested) {
        int n = requested == 0 ? Runtime.getRuntime().availableProcessors() : requested;
        Blas.setThreads(n);
        Workers.setThreads(n);
        return n;
    }
}
