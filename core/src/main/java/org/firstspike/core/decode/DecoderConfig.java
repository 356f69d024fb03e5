package org.firstspike.core.decode;

/** Output decoding settings; {@code logitScale} multiplies Y before the softmax (learnable if asked). */
public record DecoderConfig(TemporalWeighting weighting, double lambda, double logitScale, boolean learnableScale,
                            TieBreak tieBreak) {
    public DecoderConfig {
        if (weighting == TemporalWeighting.EXPONENTIAL && !(lambda > 1))
            throw new IllegalArgumentException("decoder.lambda must be > 1 for exponential decoding, got " + lambda);
        if (!(logitScale > 0)) throw new IllegalArgumentException("decoder.logitScale must be > 0, got " + logitScale);
    }
}
