package org.hipposnn.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that is not a NIfTI-1 image this project can read, or that is damaged.
 *
 * <p>The message always starts with the file name and then says what is wrong, so that a user
 * running a batch of hundreds of cases can tell at once which file to look at and why.
 */
public class NiftiFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** @param file the offending file (may be null for in-memory data) */
    public NiftiFormatException(Path file, String problem) {
        super(label(file) + ": " + problem);
        this.file = file;
    }

    public NiftiFormatException(Path file, String problem, Throwable cause) {
        super(label(file) + ": " + problem, cause);
        this.file = file;
    }

    /** The offending file, or null when the data did not come from a file. */
    public Path file() {
        return file;
    }

    static String label(Path file) {
        if (file == null) return "(unsaved)";
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
