package org.firstspike.core.report;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Checks that bytes are a PNG that decodes and shows something: not one flat colour. */
public final class PngChecks {
    private PngChecks() {}

    /** Decodes the PNG, checks its size and that at least {@code minInk} of its pixels are not white; returns it. */
    public static BufferedImage drawn(byte[] png, int minWidth, int minHeight, double minInk, String what) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, what + ": not a decodable image");
        assertTrue(image.getWidth() >= minWidth && image.getHeight() >= minHeight,
                what + ": " + image.getWidth() + "x" + image.getHeight() + " pixels");
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++)
            for (int x = 0; x < image.getWidth(); x++) if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) ink++;
        double share = (double) ink / ((long) image.getWidth() * image.getHeight());
        assertTrue(share >= minInk, what + ": only " + share + " of the pixels are drawn");
        return image;
    }
}
