package org.firstspike.core.decode;

/**
 * The per-step weights w[t] of temporal-weighting decoding (ETTFS Eq. 22-23): an output spike at step t contributes
 * w[t] to its class logit, so earlier spikes decode to larger values. EXPONENTIAL is lambda^-t (what torch.logspace
 * gives), LINEAR is (T - t)/T (its logit is an affine function of the first-spike time: the first-spike decoder),
 * COUNT is 1 at every step (the spike-count decoder).
 */
public enum TemporalWeighting {
    EXPONENTIAL, LINEAR, COUNT;

    public static TemporalWeighting parse(String s) {
        return switch (s.toLowerCase()) {
            case "exponential" -> EXPONENTIAL;
            case "linear", "first-spike" -> LINEAR;
            case "count" -> COUNT;
            default -> throw new IllegalArgumentException("decoder '" + s + "': expected exponential, linear (alias first-spike) or count");
        };
    }

    public float[] weights(int timeSteps, double lambda) {
        float[] w = new float[timeSteps];
        for (int t = 0; t < timeSteps; t++) {
            w[t] = switch (this) {
                case EXPONENTIAL -> (float) Math.pow(lambda, -t);
                case LINEAR -> (float) (timeSteps - t) / timeSteps;
                case COUNT -> 1f;
            };
        }
        return w;
    }
}
