package org.hipposnn.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Missing shared data skips locally and fails under CI=true, with a message saying where it looked. */
class SharedDataTest {

    @Test
    void missingDataSkipsOrFailsUnderCi() {
        String old = System.getProperty("hipposnn.shared");
        System.setProperty("hipposnn.shared", "/nonexistent/shared-for-test");
        try {
            Class<? extends Throwable> expected = "true".equals(System.getenv("CI"))
                    ? AssertionFailedError.class : TestAbortedException.class;
            Throwable t = assertThrows(expected, SharedData::msdHippocampus);
            assertTrue(t.getMessage().contains("/nonexistent/shared-for-test"), t.getMessage());
        } finally {
            if (old == null) System.clearProperty("hipposnn.shared");
            else System.setProperty("hipposnn.shared", old);
        }
    }
}
