package org.hipposnn.fiji;

import java.nio.file.NoSuchFileException;

/** One line for the user from an exception: its message, or what kind of failure it was. */
final class Failures {

    private Failures() {}

    static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) return e.getClass().getSimpleName();
        if (e instanceof NoSuchFileException n && !m.contains(": ")) return m + ": no such file";
        return m;
    }
}
