package org.firstspike.prep.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.firstspike.prep.event.Events;
import org.junit.jupiter.api.Test;

class MonitorRecordingTest {
    @Test
    void enlargedImageMovingInLoopsGivesOrderedEventsAroundTheImage() {
        MonitorRecording.Settings s = MonitorRecording.Settings.defaults();
        MonitorRecording.Settings short2 = new MonitorRecording.Settings(s.imageSide(), s.amplitude(), s.strokeUs(), 2, s.stepUs(),
                s.display(), s.pixels().withNoiseHz(0));
        Events e = MonitorRecording.record(SaccadeRecordingTest.ring(), short2, 1, 2);
        assertTrue(e.size() > 5_000, e.size() + " events");
        double margin = (128 - s.imageSide()) / 2 - s.amplitude() - 2;
        int ons = 0;
        for (int i = 0; i < e.size(); i++) {
            assertTrue(MonitorRecording.SENSOR.contains(e.x(i), e.y(i)));
            assertTrue(i == 0 || e.t(i) >= e.t(i - 1));
            assertTrue(e.t(i) <= 2 * 4 * s.strokeUs());
            assertTrue(e.x(i) >= margin && e.x(i) < 128 - margin && e.y(i) >= margin && e.y(i) < 128 - margin,
                    "without noise, events only where the image moves");
            ons += e.p(i);
        }
        assertTrue(ons > e.size() / 4 && ons < 3 * e.size() / 4, "a loop brightens and darkens alike: " + ons + " ON of " + e.size());
    }
}
