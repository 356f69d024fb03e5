package org.firstspike.prep.event;

/**
 * The 11 classes of the IBM DVS128 Gesture dataset, in the order of its {@code gesture_mapping.csv}: label files
 * number them 1..11, SpikingJelly and Tonic use {@code number - 1}.
 */
public enum GestureClass {
    HAND_CLAPPING,
    RIGHT_HAND_WAVE,
    LEFT_HAND_WAVE,
    RIGHT_ARM_CLOCKWISE,
    RIGHT_ARM_COUNTER_CLOCKWISE,
    LEFT_ARM_CLOCKWISE,
    LEFT_ARM_COUNTER_CLOCKWISE,
    ARM_ROLL,
    AIR_DRUMS,
    AIR_GUITAR,
    OTHER_GESTURES;

    /** The class number used in the labels CSV and gesture_mapping.csv (1..11). */
    public int number() {
        return ordinal() + 1;
    }

    /** The action name of gesture_mapping.csv, e.g. {@code right_arm_counter_clockwise}. */
    public String actionName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
