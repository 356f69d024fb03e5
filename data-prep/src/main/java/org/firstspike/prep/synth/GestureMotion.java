package org.firstspike.prep.synth;

import java.util.SplittableRandom;
import org.firstspike.prep.event.GestureClass;

/**
 * Where the two hands are during one performance of a DVS128 Gesture class, imitating the real gestures as the
 * camera sees them (the subject faces it, so the right arm is on the image's left; clockwise means clockwise on the
 * image). Each performance draws its own tempo, amplitude and phase; it starts and ends with the arms at rest and
 * blends in and out over a short ramp, as a person lifts and drops the arms.
 */
final class GestureMotion {
    private static final int RIGHT = -1, LEFT = 1;
    private static final double MAX_RAMP_SECONDS = 0.5;
    /** Sinusoids per hand of an "other" gesture. */
    private static final int OTHER_TERMS = 3;

    private final GestureClass gesture;
    private final Person p;
    private final double duration;
    private final double ramp;
    private final double omega;
    private final double amplitude;
    private final double phase;
    /** For OTHER_GESTURES: per hand, a centre offset and OTHER_TERMS x (amplitude, fx, fy, phase x, phase y). */
    private final double[][] wander = new double[2][];

    GestureMotion(GestureClass gesture, Person person, double durationSeconds, double speed, SplittableRandom r) {
        this.gesture = gesture;
        this.p = person;
        this.duration = durationSeconds;
        this.ramp = Math.min(MAX_RAMP_SECONDS, durationSeconds / 4);
        this.omega = 2 * Math.PI * baseHz(gesture) * speed * r.nextDouble(0.85, 1.15);
        this.amplitude = r.nextDouble(0.85, 1.15);
        this.phase = 2 * Math.PI * r.nextDouble();
        if (gesture == GestureClass.OTHER_GESTURES) {
            boolean rightMoves = r.nextDouble() < 0.75;
            wander[0] = rightMoves ? randomWander(r) : null;
            wander[1] = !rightMoves || r.nextBoolean() ? randomWander(r) : null;
        }
    }

    private static double baseHz(GestureClass g) {
        return switch (g) {
            case HAND_CLAPPING -> 1.8;
            case RIGHT_HAND_WAVE, LEFT_HAND_WAVE -> 1.5;
            case RIGHT_ARM_CLOCKWISE, RIGHT_ARM_COUNTER_CLOCKWISE, LEFT_ARM_CLOCKWISE, LEFT_ARM_COUNTER_CLOCKWISE -> 0.9;
            case ARM_ROLL -> 1.6;
            case AIR_DRUMS -> 2.0;
            case AIR_GUITAR -> 2.8;
            case OTHER_GESTURES -> 1.0;
        };
    }

    private double[] randomWander(SplittableRandom r) {
        double s = p.scale();
        double[] w = new double[2 + 5 * OTHER_TERMS];
        w[0] = r.nextDouble(0, 16) * s;
        w[1] = -r.nextDouble(8, 32) * s;
        for (int k = 0; k < OTHER_TERMS; k++) {
            int o = 2 + 5 * k;
            w[o] = r.nextDouble(2, 7) * s;
            w[o + 1] = 2 * Math.PI * r.nextDouble(0.3, 2.0);
            w[o + 2] = 2 * Math.PI * r.nextDouble(0.3, 2.0);
            w[o + 3] = 2 * Math.PI * r.nextDouble();
            w[o + 4] = 2 * Math.PI * r.nextDouble();
        }
        return w;
    }

    /** Hand targets at {@code tau} seconds into the gesture: {@code right} and {@code left} receive (x, y). */
    void hands(double tau, double[] right, double[] left) {
        rest(RIGHT, right);
        rest(LEFT, left);
        double w = smoothstep(tau / ramp) * smoothstep((duration - tau) / ramp);
        if (w <= 0) return;
        double phi = omega * tau + phase;
        double s = p.scale() * amplitude;
        double cx = p.centerX(), sy = p.shoulderY();
        switch (gesture) {
            case HAND_CLAPPING -> {
                double half = s * (4 + 5 * (1 + Math.cos(phi)));
                toward(right, w, cx - half, sy + 20 * s);
                toward(left, w, cx + half, sy + 20 * s);
            }
            case RIGHT_HAND_WAVE -> wave(RIGHT, right, w, phi, s);
            case LEFT_HAND_WAVE -> wave(LEFT, left, w, phi, s);
            case RIGHT_ARM_CLOCKWISE -> circle(RIGHT, right, w, phi, s, 1);
            case RIGHT_ARM_COUNTER_CLOCKWISE -> circle(RIGHT, right, w, phi, s, -1);
            case LEFT_ARM_CLOCKWISE -> circle(LEFT, left, w, phi, s, 1);
            case LEFT_ARM_COUNTER_CLOCKWISE -> circle(LEFT, left, w, phi, s, -1);
            case ARM_ROLL -> {
                double r = 6 * s, y = sy + 18 * s;
                toward(right, w, cx + r * Math.cos(phi), y + r * Math.sin(phi));
                toward(left, w, cx - r * Math.cos(phi), y - r * Math.sin(phi));
            }
            case AIR_DRUMS -> {
                double y = sy + 24 * s;
                toward(right, w, cx - 12 * s, y - 9 * s * (1 - Math.cos(phi)) / 2);
                toward(left, w, cx + 12 * s, y - 9 * s * (1 + Math.cos(phi)) / 2);
            }
            case AIR_GUITAR -> {
                toward(right, w, cx - 4 * s + 2 * s * Math.sin(phi), sy + 30 * s + 6 * s * Math.sin(phi));
                toward(left, w, cx + 24 * s + 1.5 * s * Math.sin(0.35 * phi), sy + 10 * s - 1.5 * s * Math.sin(0.7 * phi));
            }
            case OTHER_GESTURES -> {
                wanderHand(RIGHT, wander[0], right, w, tau);
                wanderHand(LEFT, wander[1], left, w, tau);
            }
        }
    }

    /** Forearm swinging left-right about a raised elbow. */
    private void wave(int side, double[] hand, double w, double phi, double s) {
        double swing = 0.55 * Math.sin(phi);
        double pivotX = p.shoulderX(side) + side * 10 * p.scale(), pivotY = p.shoulderY() - 4 * p.scale();
        toward(hand, w, pivotX + 15 * s * Math.sin(swing), pivotY - 15 * s * Math.cos(swing));
    }

    /** Hand circling beside the shoulder; {@code turn} +1 is clockwise on the image (y grows downwards). */
    private void circle(int side, double[] hand, double w, double phi, double s, int turn) {
        double cx = p.shoulderX(side) + side * 10 * p.scale(), cy = p.shoulderY() + 6 * p.scale();
        toward(hand, w, cx + 15 * s * Math.cos(phi), cy + turn * 15 * s * Math.sin(phi));
    }

    private void wanderHand(int side, double[] wander, double[] hand, double w, double tau) {
        if (wander == null) return;
        double x = p.restHandX(side) - side * wander[0], y = p.restHandY() + wander[1];
        for (int k = 0; k < OTHER_TERMS; k++) {
            int o = 2 + 5 * k;
            x += amplitude * wander[o] * Math.sin(wander[o + 1] * tau + wander[o + 3]);
            y += amplitude * wander[o] * Math.sin(wander[o + 2] * tau + wander[o + 4]);
        }
        toward(hand, w, x, y);
    }

    private void rest(int side, double[] hand) {
        hand[0] = p.restHandX(side);
        hand[1] = p.restHandY();
    }

    private static void toward(double[] hand, double w, double x, double y) {
        hand[0] += w * (x - hand[0]);
        hand[1] += w * (y - hand[1]);
    }

    private static double smoothstep(double u) {
        if (u <= 0) return 0;
        if (u >= 1) return 1;
        return u * u * (3 - 2 * u);
    }
}
