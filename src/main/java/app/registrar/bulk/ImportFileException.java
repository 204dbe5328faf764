package app.registrar.bulk;

import java.io.IOException;

/** An import file that cannot be read as a list of accounts at all; the message is for the admin. */
public final class ImportFileException extends IOException {

    public ImportFileException(String message) {
        super(message);
    }
}
