package org.firstspike.prep.synth;

/**
 * One arm of the person: upper arm, forearm and hand as {@link Capsule}s hanging from a fixed shoulder. The hand is
 * placed where the gesture asks and the elbow follows by two-bone inverse kinematics (law of cosines). Of the two
 * elbow solutions it keeps the one nearest its previous elbow, so the elbow never jumps, with a pull towards a pole
 * outside and below the shoulder that decides when the arm is straight and both solutions meet.
 */
final class Arm {
    private static final double POLE_PULL = 0.3;
    private final double shoulderX, shoulderY, upper, fore, poleX, poleY;
    private final Capsule upperArm, forearm, hand;
    private double elbowX, elbowY, handX = Double.NaN, handY = Double.NaN;

    Arm(Person p, int side, double sleeve, double skin, double stripeAmplitude) {
        shoulderX = p.shoulderX(side);
        shoulderY = p.shoulderY();
        upper = p.upperArm();
        fore = p.forearm();
        poleX = shoulderX + side * 30 * p.scale();
        poleY = shoulderY + 25 * p.scale();
        double stripePeriod = 5 * p.scale();
        upperArm = new Capsule(p.armRadius() * 1.1, sleeve, stripeAmplitude, stripePeriod);
        forearm = new Capsule(p.armRadius(), sleeve, stripeAmplitude, stripePeriod);
        hand = new Capsule(p.handRadius(), skin, 0, 1);
        elbowX = poleX;
        elbowY = poleY;
    }

    /** Moves the hand towards (x, y), as far as the arm reaches; returns whether anything moved. */
    boolean reach(double x, double y) {
        double dx = x - shoulderX, dy = y - shoulderY;
        double d = Math.sqrt(dx * dx + dy * dy);
        double dist = Math.max(Math.abs(upper - fore) + 1, Math.min(0.999 * (upper + fore), d));
        double ux = d > 0 ? dx / d : 0, uy = d > 0 ? dy / d : 1;
        double hx = shoulderX + ux * dist, hy = shoulderY + uy * dist;
        if (hx == handX && hy == handY) return false;
        double cos = (upper * upper + dist * dist - fore * fore) / (2 * upper * dist);
        double angle = Math.acos(Math.max(-1, Math.min(1, cos)));
        double c = Math.cos(angle), s = Math.sin(angle);
        double e1x = shoulderX + upper * (ux * c - uy * s), e1y = shoulderY + upper * (ux * s + uy * c);
        double e2x = shoulderX + upper * (ux * c + uy * s), e2y = shoulderY + upper * (-ux * s + uy * c);
        if (score(e1x, e1y) <= score(e2x, e2y)) {
            elbowX = e1x;
            elbowY = e1y;
        } else {
            elbowX = e2x;
            elbowY = e2y;
        }
        handX = hx;
        handY = hy;
        upperArm.place(shoulderX, shoulderY, elbowX, elbowY);
        forearm.place(elbowX, elbowY, handX, handY);
        hand.place(handX, handY, handX, handY);
        return true;
    }

    private double score(double ex, double ey) {
        return Math.hypot(ex - elbowX, ey - elbowY) + POLE_PULL * Math.hypot(ex - poleX, ey - poleY);
    }

    void addBounds(PixelRegion r) {
        upperArm.addBounds(r);
        forearm.addBounds(r);
        hand.addBounds(r);
    }

    void draw(float[] frame, int width, PixelRegion clip) {
        upperArm.draw(frame, width, clip);
        forearm.draw(frame, width, clip);
        hand.draw(frame, width, clip);
    }
}
