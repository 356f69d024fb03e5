package org.firstspike.core.sweep;

/**
 * Successive halving (Jamieson and Talwalkar 2016; Li et al., ASHA 2018, synchronous form): at rung r every live trial
 * trains to {@code minEpochs * eta^r} epochs (at most its own {@code train.epochs}), then the best {@code 1/eta} of
 * the rung (at least one) continue and the rest stop. Without early stopping there is one rung in which every trial
 * trains all its epochs.
 */
public record HalvingSchedule(boolean enabled, int minEpochs, int eta) {
    public static HalvingSchedule none() {
        return new HalvingSchedule(false, 0, 1);
    }

    public static HalvingSchedule of(int minEpochs, int eta) {
        return new HalvingSchedule(true, minEpochs, eta);
    }

    /** Epochs a trial has trained after {@code rung} (before its own limit applies). */
    public int budget(int rung) {
        if (!enabled) return Integer.MAX_VALUE;
        long b = minEpochs;
        for (int r = 0; r < rung && b < Integer.MAX_VALUE; r++) b *= eta;
        return (int) Math.min(b, Integer.MAX_VALUE);
    }

    /** How many of {@code participants} trials of a rung continue. */
    public int promoted(int participants) {
        return enabled ? Math.max(1, (participants + eta - 1) / eta) : participants;
    }

    /** Rungs needed to train trials of at most {@code maxEpochs} epochs. */
    public int rungs(int maxEpochs) {
        int r = 0;
        while (budget(r) < maxEpochs) r++;
        return r + 1;
    }
}
