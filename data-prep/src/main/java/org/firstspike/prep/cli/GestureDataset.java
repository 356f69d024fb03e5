package org.firstspike.prep.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.firstspike.prep.io.Aedat31Writer;
import org.firstspike.prep.io.GestureTextWriter;
import org.firstspike.prep.synth.GestureRecording;
import org.firstspike.prep.synth.GestureScene;
import org.firstspike.prep.synth.Lighting;
import org.firstspike.prep.synth.Person;
import org.firstspike.prep.synth.Seeds;

/**
 * DVS128 Gesture layout: per trial {@code userNN_<lighting>.aedat} (AEDAT 3.1) and {@code userNN_<lighting>_labels.csv};
 * {@code trials_to_train.txt} / {@code trials_to_test.txt} (the last fifth of the users are the test users, as users
 * 24-29 of 29 are in the original) and {@code gesture_mapping.csv}. Each user performs under {@code lightingsPerUser}
 * of the five lightings, chosen per user.
 */
final class GestureDataset implements SynthDataset {
    private static final long SENSOR = 1, PERSON = 2, LIGHTINGS = 3, TRIAL = 4;
    private static final ZonedDateTime FIRST_SESSION = ZonedDateTime.of(2017, 1, 9, 10, 0, 0, 0, ZoneOffset.UTC);
    private final Path out;
    private final int users;
    private final int testUsers;
    private final Lighting[][] lightings;
    private final GestureScene.Settings settings;
    private final Aedat31Writer writer;
    private final long seed;

    GestureDataset(Path out, int users, int lightingsPerUser, GestureScene.Settings settings, Aedat31Writer writer, long seed) {
        if (users < 1 || users > 99) throw new IllegalArgumentException("--users " + users + ": expected 1..99 (names are userNN)");
        if (lightingsPerUser < 1 || lightingsPerUser > Lighting.values().length)
            throw new IllegalArgumentException("gesture.lightingsPerUser " + lightingsPerUser + ": expected 1.." + Lighting.values().length);
        this.out = out;
        this.users = users;
        this.testUsers = users < 2 ? 0 : Math.max(1, Math.round(users * 0.2f));
        this.settings = settings;
        this.writer = writer;
        this.seed = seed;
        lightings = new Lighting[users][];
        for (int u = 0; u < users; u++) lightings[u] = chooseLightings(new SplittableRandom(Seeds.derive(seed, LIGHTINGS, u)), lightingsPerUser);
    }

    /** {@code n} distinct lightings in their declaration order (the order of the original file listings). */
    private static Lighting[] chooseLightings(SplittableRandom r, int n) {
        Lighting[] all = Lighting.values();
        boolean[] take = new boolean[all.length];
        for (int k = 0; k < n; k++) {
            int pick;
            do pick = r.nextInt(all.length); while (take[pick]);
            take[pick] = true;
        }
        Lighting[] chosen = new Lighting[n];
        for (int k = 0, j = 0; k < all.length; k++) if (take[k]) chosen[j++] = all[k];
        return chosen;
    }

    @Override
    public int units() {
        return users * lightings[0].length;
    }

    @Override
    public String unitName() {
        return "trials";
    }

    @Override
    public int filesPerUnit() {
        return 2;
    }

    @Override
    public long[] writeUnit(int index) throws IOException {
        int perUser = lightings[0].length;
        int user = index / perUser;
        Lighting lighting = lightings[user][index % perUser];
        Person person = Person.random(new SplittableRandom(Seeds.derive(seed, PERSON, user)), settings.size());
        GestureRecording rec = GestureScene.record(person, lighting, settings, Seeds.derive(seed, SENSOR, 0), Seeds.derive(seed, TRIAL, index));
        String trial = trialName(user, lighting);
        ZonedDateTime start = FIRST_SESSION.plusDays(user).plusHours(index % perUser);
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out.resolve(trial + ".aedat")), 1 << 16)) {
            writer.write(rec.events(), start, o);
        }
        Files.write(out.resolve(trial + "_labels.csv"), GestureTextWriter.labels(rec.segments()));
        long[] counts = new long[rec.segments().size()];
        for (int k = 0; k < counts.length; k++) counts[k] = rec.eventsIn(k);
        return counts;
    }

    private static String trialName(int user, Lighting lighting) {
        return String.format("user%02d_%s", user + 1, lighting.tag());
    }

    @Override
    public int writeIndex() throws IOException {
        List<String> train = new ArrayList<>(), test = new ArrayList<>();
        for (int u = 0; u < users; u++)
            for (Lighting l : lightings[u]) (u < users - testUsers ? train : test).add(trialName(u, l) + ".aedat");
        Files.write(out.resolve("trials_to_train.txt"), GestureTextWriter.trialList(train));
        Files.write(out.resolve("trials_to_test.txt"), GestureTextWriter.trialList(test));
        Files.write(out.resolve("gesture_mapping.csv"), GestureTextWriter.mapping());
        return 3;
    }
}
