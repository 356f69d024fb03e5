package org.firstspike.prep.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.firstspike.prep.event.EventBuffer;
import org.firstspike.prep.event.GestureClass;
import org.firstspike.prep.event.GestureSegment;
import org.firstspike.prep.event.SensorSize;

/**
 * A DVS128 Gesture-style trial (Amir et al. 2017): a person in front of a textured wall performs each of the 11
 * gestures once, in random order, separated by short pauses with the arms at rest, filmed by a fixed DVS128.
 * Only the arms move; each step re-renders and examines just the pixels they covered before or cover now.
 *
 * <p>Variation that keeps the task learnable but not trivial: per user (the {@link Person}) position, size,
 * clothes and wall; per trial the {@link Lighting} and a ±10% threshold change; per gesture its duration, tempo,
 * amplitude and phase.
 */
public final class GestureScene {
    public static final SensorSize SENSOR = SensorSize.DVS128;

    /**
     * @param gestureSeconds mean duration of one gesture
     * @param jitter         relative spread of the durations (uniform, ±)
     * @param pauseSeconds   mean rest between gestures (and before the first)
     * @param speed          tempo multiplier of all gestures
     * @param size           limb-thickness multiplier
     * @param contrast       exponent on the limbs' reflectance relative to the wall (log-contrast multiplier)
     * @param texture        amplitude of the sleeve stripes
     * @param stepUs         simulation time step
     */
    public record Settings(double gestureSeconds, double jitter, double pauseSeconds, double speed, double size, double contrast,
                           double texture, long stepUs, PixelParameters pixels) {
        public Settings {
            if (!(gestureSeconds > 0.2)) throw new IllegalArgumentException("gesture.seconds " + gestureSeconds + ": expected > 0.2");
            if (!(jitter >= 0 && jitter < 1)) throw new IllegalArgumentException("gesture.jitter " + jitter + ": expected in [0, 1)");
            if (!(pauseSeconds >= 0)) throw new IllegalArgumentException("gesture.pause " + pauseSeconds + ": expected >= 0");
            if (!(speed > 0 && size > 0 && contrast > 0 && texture >= 0))
                throw new IllegalArgumentException("gesture.speed, gesture.size, gesture.contrast must be > 0 and gesture.texture >= 0");
            if (stepUs <= 0) throw new IllegalArgumentException("camera.stepUs " + stepUs + ": expected > 0");
        }

        public static Settings defaults() {
            return new Settings(6, 0.15, 1, 1, 1, 1, 0.15, 2_000, new PixelParameters(0.15, 0.03, 500, 0.1, 0.02));
        }

        public Settings with(Knobs k) {
            return new Settings(k.number("gesture.seconds", gestureSeconds), k.number("gesture.jitter", jitter),
                    k.number("gesture.pause", pauseSeconds), k.number("gesture.speed", speed), k.number("gesture.size", size),
                    k.number("gesture.contrast", contrast), k.number("gesture.texture", texture),
                    k.integer("camera.stepUs", stepUs), pixels.with(k));
        }
    }

    private final Settings settings;
    private final Person person;
    private final float[] backdrop;
    private final float[] frame;
    private final Arm right;
    private final Arm left;
    private final EventCameraModel camera;
    private final EventBuffer out = new EventBuffer(1 << 20);
    private final PixelRegion changed = new PixelRegion();
    private final PixelRegion before = new PixelRegion();
    private final double[] rightHand = new double[2];
    private final double[] leftHand = new double[2];
    private long nowUs;

    private GestureScene(Person person, Lighting lighting, Settings s, long sensorSeed, SplittableRandom r) {
        this.settings = s;
        this.person = person;
        double light = lighting.illumination();
        backdrop = PersonBackdrop.render(person, SENSOR, light, r.split());
        frame = backdrop.clone();
        double sleeve = light * limbValue(person.sleeve(), person.wall(), s.contrast());
        double skin = light * limbValue(person.skin(), person.wall(), s.contrast());
        right = new Arm(person, -1, sleeve, skin, s.texture());
        left = new Arm(person, 1, sleeve, skin, s.texture());
        PixelParameters px = s.pixels()
                .withThreshold(s.pixels().threshold() * lighting.thresholdFactor() * r.nextDouble(0.9, 1.1))
                .withNoiseHz(s.pixels().noiseHz() * lighting.noiseFactor());
        camera = new EventCameraModel(SENSOR, px, sensorSeed, r.nextLong());
    }

    /** Limb reflectance with its log-contrast against the wall multiplied by {@code contrast}. */
    private static double limbValue(double value, double wall, double contrast) {
        return wall * Math.pow(value / wall, contrast);
    }

    /**
     * Records one trial of {@code person} under {@code lighting}. {@code sensorSeed} fixes the camera's pixel
     * mismatch (one camera for a whole dataset); {@code trialSeed} everything else.
     */
    public static GestureRecording record(Person person, Lighting lighting, Settings s, long sensorSeed, long trialSeed) {
        SplittableRandom r = new SplittableRandom(trialSeed);
        return new GestureScene(person, lighting, s, sensorSeed, r).trial(r);
    }

    private GestureRecording trial(SplittableRandom r) {
        right.reach(person.restHandX(-1), person.restHandY());
        left.reach(person.restHandX(1), person.restHandY());
        PixelRegion all = PixelRegion.of(0, 0, SENSOR.width(), SENSOR.height());
        right.draw(frame, SENSOR.width(), all);
        left.draw(frame, SENSOR.width(), all);
        camera.start(frame, 0);
        List<GestureSegment> segments = new ArrayList<>();
        for (GestureClass g : shuffled(r)) {
            rest(seconds(settings.pauseSeconds() * r.nextDouble(0.5, 1.5)));
            double duration = settings.gestureSeconds() * (1 + settings.jitter() * (2 * r.nextDouble() - 1));
            long start = nowUs;
            play(new GestureMotion(g, person, duration, settings.speed(), r.split()), seconds(duration));
            segments.add(new GestureSegment(g, start, nowUs));
        }
        rest(seconds(settings.pauseSeconds() * r.nextDouble(0.5, 1.5)));
        return new GestureRecording(out.build(), segments);
    }

    private static GestureClass[] shuffled(SplittableRandom r) {
        GestureClass[] order = GestureClass.values().clone();
        for (int i = order.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            GestureClass t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static long seconds(double s) {
        return Math.round(s * 1e6);
    }

    private void rest(long durationUs) {
        play(null, durationUs);
    }

    /** Advances {@code durationUs} with the hands following {@code motion}, or at rest when it is null. */
    private void play(GestureMotion motion, long durationUs) {
        long end = nowUs + durationUs, start = nowUs;
        while (nowUs < end) {
            long t = Math.min(end, nowUs + settings.stepUs());
            if (motion != null) {
                motion.hands((t - start) / 1e6, rightHand, leftHand);
            } else {
                rightHand[0] = person.restHandX(-1);
                rightHand[1] = leftHand[1] = person.restHandY();
                leftHand[0] = person.restHandX(1);
            }
            changed.clear();
            move(right, rightHand);
            move(left, leftHand);
            changed.clip(SENSOR.width(), SENSOR.height());
            if (!changed.isEmpty()) redraw();
            camera.step(frame, t, changed, out);
            nowUs = t;
        }
    }

    private void move(Arm arm, double[] hand) {
        before.clear();
        arm.addBounds(before);
        if (!arm.reach(hand[0], hand[1])) return;
        changed.include(before);
        arm.addBounds(changed);
    }

    private void redraw() {
        int w = SENSOR.width();
        for (int y = changed.y0(); y < changed.y1(); y++) {
            int from = y * w + changed.x0();
            System.arraycopy(backdrop, from, frame, from, changed.x1() - changed.x0());
        }
        right.draw(frame, w, changed);
        left.draw(frame, w, changed);
    }
}
