package app.registrar.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves a scene as a PNG under {@code target/screenshots}, so every screen a test visits can be looked at. */
public final class Screenshots {

    private Screenshots() {
    }

    /** Must run on the JavaFX thread. */
    public static Path save(Scene scene, String name) {
        return write(scene.snapshot(null), name);
    }

    /** One part of a window (a panel that scrolls in the window); must run on the JavaFX thread. */
    public static Path save(Node node, String name) {
        return write(node.snapshot(null, null), name);
    }

    private static Path write(WritableImage image, String name) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Path dir = Path.of(System.getProperty("registrar.projectDir", ".")).resolve("target/screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            ImageIO.write(out, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
