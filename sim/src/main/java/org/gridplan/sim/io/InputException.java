package org.gridplan.sim.io;

import java.nio.file.Path;

/**
 * Bad input a user gave: a missing or malformed file, or a value that breaks a rule. The message
 * names the file and the feature, line or field, and says what is wrong, so it can be shown to
 * the user as it is.
 */
public class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error about a whole file or a place in it; {@code detail} says where and what. */
    public InputException(Path file, String detail) {
        super(file.getFileName() + ": " + detail);
    }

    /** An error with a message that already names its source. */
    public InputException(String message) {
        super(message);
    }

    /** As {@link #InputException(Path, String)}, keeping the cause for debugging. */
    public InputException(Path file, String detail, Throwable cause) {
        super(file.getFileName() + ": " + detail, cause);
    }
}
