package org.firstspike.prep.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.firstspike.prep.io.Aedat20Builder;
import org.firstspike.prep.io.Aedat31Builder;

/**
 * Hand-built corpora in the three real layouts holding the same ten events, so one hand-worked set of frames checks
 * every format: event i at t = 0, 10, ..., 80, 100 us, pixel (x = i, y = 1), polarity i mod 2.
 */
final class EventCorpora {
    static final long[] T = {0, 10, 20, 30, 40, 50, 60, 70, 80, 100};

    private EventCorpora() {}

    static int x(int i) { return i; }

    static int y(int i) { return 1; }

    static int p(int i) { return i % 2; }

    /** The ten events as an N-MNIST record stream (x, y, polarity bit 7 + 23-bit time). */
    static byte[] nmnist() {
        byte[] b = new byte[5 * T.length];
        for (int i = 0; i < T.length; i++) nmnistEvent(b, i, x(i), y(i), p(i), T[i]);
        return b;
    }

    static void nmnistEvent(byte[] b, int i, int x, int y, int p, long t) {
        b[5 * i] = (byte) x;
        b[5 * i + 1] = (byte) y;
        b[5 * i + 2] = (byte) (p << 7 | (t >> 16 & 0x7F));
        b[5 * i + 3] = (byte) (t >> 8);
        b[5 * i + 4] = (byte) t;
    }

    static Path writeNmnist(Path root) throws IOException {
        write(root.resolve("Train/3/00001.bin"), nmnist());
        write(root.resolve("Test/7/00002.bin"), nmnist());
        return root;
    }

    /** AEDAT 3.1 with the ten events split over two polarity packets, an IMU packet between them and one invalid slot. */
    static byte[] gestureRecording() {
        int[][] first = new int[6][];
        for (int i = 0; i < 5; i++) first[i] = new int[] {Aedat31Builder.data(x(i), y(i), p(i), true), (int) T[i]};
        first[5] = new int[] {Aedat31Builder.data(99, 99, 1, false), 45};  // invalid mark: dropped, never binned
        int[][] second = new int[5][];
        for (int i = 5; i < 10; i++) second[i - 5] = new int[] {Aedat31Builder.data(x(i), y(i), p(i), true), (int) T[i]};
        return new Aedat31Builder().polarity(0, 6, first)
                .packet(3, 36, 32, 0, 1, 1, 1, new byte[36])  // one IMU6 event, skipped
                .polarity(0, 8, second).bytes();
    }

    /** user01 (train) and user02 (test), each one recording with two label rows: class 4 over all ten events, class 11 over t in [20, 50). */
    static Path writeGesture(Path root) throws IOException {
        for (String user : new String[] {"user01_led", "user02_natural"}) {
            write(root.resolve(user + ".aedat"), gestureRecording());
            write(root.resolve(user + "_labels.csv"), "class,startTime_usec,endTime_usec\r\n4,0,101\r\n11,20,50\r\n");
        }
        write(root.resolve("trials_to_train.txt"), "user01_led.aedat\n");
        write(root.resolve("trials_to_test.txt"), "user02_natural.aedat\n");
        write(root.resolve("README.txt"), "not part of the layout");
        return root;
    }

    /** AEDAT 2.0 addresses chosen so SpikingJelly's mapping (x = 127 - yRaw, y = 127 - xRaw, p = 1 - pRaw) yields the ten events. */
    static byte[] cifarRecording() {
        Aedat20Builder b = new Aedat20Builder();
        for (int i = 0; i < T.length; i++)
            b.record(Aedat20Builder.address(127 - y(i), 127 - x(i), 1 - p(i)), (int) T[i]);
        return b.bytes();
    }

    static Path writeCifar10Dvs(Path root) throws IOException {
        write(root.resolve("cat/cifar10_cat_0.aedat"), cifarRecording());    // index 0 < test-per-class 1: test
        write(root.resolve("cat/cifar10_cat_5.aedat"), cifarRecording());    // train
        write(root.resolve("ship/cifar10_ship_9.aedat"), cifarRecording());  // train
        return root;
    }

    static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    static void write(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.US_ASCII));
    }
}
