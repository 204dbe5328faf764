package app.registrar.ui.edituser;

/** Tells a picture's type from its first bytes, so a renamed non-image is never uploaded as an avatar. */
final class ImageTypes {

    private ImageTypes() {
    }

    /** The MIME type of a PNG, JPEG, GIF or WebP picture; null for anything else. */
    static String detect(byte[] bytes) {
        if (starts(bytes, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(bytes, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (bytes.length >= 12 && starts(bytes, 'R', 'I', 'F', 'F') && bytes[8] == 'W' && bytes[9] == 'E'
                && bytes[10] == 'B' && bytes[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
