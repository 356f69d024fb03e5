package org.firstspike.prep.synth;

import java.util.SplittableRandom;

/**
 * The subject of a DVS128 Gesture-style recording, standing facing the camera: body geometry in sensor pixels and the
 * reflectances of wall, shirt, skin and hair. Drawn once per user, so one user looks the same under every lighting.
 * The person's right side is on the image's left.
 *
 * @param size multiplies the limb thicknesses (the gesture.size knob), not the body
 */
public record Person(double centerX, double shoulderY, double scale, double size, double wall, double shirt, double sleeve,
                     double skin, double hair) {

    public static Person random(SplittableRandom r, double size) {
        double wall = r.nextDouble(0.25, 0.6);
        // Shirts visibly darker or lighter than the wall: log contrast 0.6..1.4 either way, clamped to printable greys.
        double shirt = Math.max(0.05, Math.min(0.95, wall * Math.exp((r.nextBoolean() ? 1 : -1) * r.nextDouble(0.6, 1.4))));
        return new Person(r.nextDouble(56, 72), r.nextDouble(50, 60), r.nextDouble(1.3, 1.7), size, wall, shirt,
                shirt * r.nextDouble(0.85, 1.15), r.nextDouble(0.5, 0.85), r.nextDouble(0.04, 0.3));
    }

    public double shoulderHalfWidth() { return 15 * scale; }

    /** Image x of a shoulder: side -1 is the person's right (image left), +1 the left. */
    public double shoulderX(int side) { return centerX + side * shoulderHalfWidth(); }

    public double upperArm() { return 17 * scale; }

    public double forearm() { return 17 * scale; }

    public double armRadius() { return 3.6 * scale * size; }

    public double handRadius() { return 4.2 * scale * size; }

    public double headRadius() { return 10 * scale; }

    public double headY() { return shoulderY - 21 * scale; }

    /** Where a hand hangs when the arm is relaxed. */
    public double restHandX(int side) { return shoulderX(side) + side * 4 * scale; }

    public double restHandY() { return shoulderY + 0.95 * (upperArm() + forearm()); }
}
