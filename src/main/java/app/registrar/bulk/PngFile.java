package app.registrar.bulk;

import app.registrar.api.FileFault;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a picture as a PNG file (8-bit RGBA, one IDAT chunk). A few dozen lines of the PNG specification instead of
 * {@code javax.imageio}, so saving a chart pulls no AWT into the app and can run on any worker thread. The file is
 * written beside the target and moved into place when whole.
 */
public final class PngFile {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** Pixels as non-premultiplied ARGB ints, row by row, as JavaFX's {@code PixelReader.getArgb} gives them. */
    public record Picture(int width, int height, int[] argb) {

        public Picture {
            if (width < 1 || height < 1 || argb.length != width * height) {
                throw new IllegalArgumentException("a picture needs width × height pixels: " + width + "×" + height);
            }
        }
    }

    private PngFile() {
    }

    public static Path write(Path target, Picture picture) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(part)) {
                out.write(encode(picture));
            }
            try {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw FileFault.about(target, e);
        }
    }

    static byte[] encode(Picture picture) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream fields = new DataOutputStream(header);
        fields.writeInt(picture.width());
        fields.writeInt(picture.height());
        fields.write(new byte[] {8, 6, 0, 0, 0}); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
        chunk(png, "IHDR", header.toByteArray());
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(pixels)) {
            byte[] row = new byte[1 + picture.width() * 4];
            for (int y = 0; y < picture.height(); y++) {
                row[0] = 0; // filter type "none"
                for (int x = 0; x < picture.width(); x++) {
                    int argb = picture.argb()[y * picture.width() + x];
                    int at = 1 + x * 4;
                    row[at] = (byte) (argb >>> 16);
                    row[at + 1] = (byte) (argb >>> 8);
                    row[at + 2] = (byte) argb;
                    row[at + 3] = (byte) (argb >>> 24);
                }
                deflate.write(row);
            }
        }
        chunk(png, "IDAT", pixels.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
