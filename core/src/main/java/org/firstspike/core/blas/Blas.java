package org.firstspike.core.blas;

import org.bytedeco.openblas.global.openblas;

/**
 * Single-precision GEMM on Java heap arrays through OpenBLAS (the library ND4J ships), called directly via JavaCPP.
 * Arrays are passed whole (JNI critical sections pin them, no copy); JavaCPP does not honour offsets into heap
 * buffers, so every operand is its own array, row-major.
 */
public final class Blas {
    private Blas() {}

    /** C = alpha * op(A) * op(B) + beta * C with op(X) = X or X^T; A is m x k after op, B k x n, C m x n. */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float alpha, float[] a, float[] b, float beta, float[] c) {
        if (m == 0 || n == 0) return;
        if (k == 0) { scale(c, m * n, beta); return; }
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        openblas.cblas_sgemm(openblas.CblasRowMajor,
                transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transB ? openblas.CblasTrans : openblas.CblasNoTrans,
                m, n, k, alpha, a, lda, b, ldb, beta, c, n);
    }

    private static void scale(float[] c, int len, float beta) {
        for (int i = 0; i < len; i++) c[i] = beta == 0f ? 0f : beta * c[i];
    }

    /** Number of OpenBLAS threads; one per Spark task core, or all cores for a local run. */
    public static void setThreads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("BLAS threads must be >= 1, got " + threads);
        openblas.blas_set_num_threads(threads);
    }
}
