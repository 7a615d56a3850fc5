package org.hipposnn.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared development data for tests: system property {@code hipposnn.shared} (set by
 * surefire to {@code ${project.basedir}/../shared}), else {@code ../shared}. Without the data a
 * test is skipped with a clear message, except under {@code CI=true}, where it fails: CI must
 * not go green by silently testing nothing.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The shared folder, whether or not it exists. */
    public static Path sharedFolder() {
        String p = System.getProperty("hipposnn.shared");
        return Paths.get(p == null || p.isBlank() ? "../shared" : p).toAbsolutePath().normalize();
    }

    /** data/msd-hippocampus with imagesTr and labelsTr, or skips (fails under CI=true). */
    public static Path msdHippocampus() {
        Path dir = sharedFolder().resolve("data").resolve("msd-hippocampus");
        if (!Files.isDirectory(dir.resolve("imagesTr")) || !Files.isDirectory(dir.resolve("labelsTr"))) {
            String message = "shared data not found: " + dir + " (needs imagesTr/ and labelsTr/;"
                    + " set -Dhipposnn.shared=/path/to/shared)";
            if ("true".equals(System.getenv("CI"))) Assertions.fail(message);
            Assumptions.abort(message);
        }
        return dir;
    }
}
