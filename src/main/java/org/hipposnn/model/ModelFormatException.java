package org.hipposnn.model;

import java.io.IOException;
import java.nio.file.Path;

/** A model bundle that cannot be used: names the file and what is wrong with it. */
public class ModelFormatException extends IOException {
    public ModelFormatException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
    }

    public ModelFormatException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + problem, cause);
    }
}
