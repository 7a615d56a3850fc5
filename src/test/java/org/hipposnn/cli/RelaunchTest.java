package org.hipposnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RelaunchTest {
    private static final String[] ARGS = {"segment", "--in", "a b.nii.gz"};
    private static final byte[] CMDLINE = "java\0-Xmx4g\0-jar\0hippo snn.jar\0segment\0--in\0a b.nii.gz\0".getBytes(StandardCharsets.UTF_8);

    @Test
    void relaunchesTheSameCommandLineWithTheLauncherResolved() {
        assertEquals(Optional.of(List.of("/usr/lib/jvm/bin/java", "-Xmx4g", "-jar", "hippo snn.jar", "segment", "--in", "a b.nii.gz")),
                Relaunch.command(Map.of(), "Linux", CMDLINE, Optional.of("/usr/lib/jvm/bin/java"), ARGS));
    }

    @Test
    void leavesAlone() {
        Optional<String> java = Optional.of("/usr/bin/java");
        assertTrue(Relaunch.command(Map.of("GLIBC_TUNABLES", ""), "Linux", CMDLINE, java, ARGS).isEmpty(), "set, even empty: opt-out");
        assertTrue(Relaunch.command(Map.of(), "Mac OS X", CMDLINE, java, ARGS).isEmpty(), "not Linux");
        assertTrue(Relaunch.command(Map.of(), "Windows 11", CMDLINE, java, ARGS).isEmpty(), "not Linux");
        assertTrue(Relaunch.command(Map.of(), "Linux", new byte[0], java, ARGS).isEmpty(), "no command line");
        assertTrue(Relaunch.command(Map.of(), "Linux", CMDLINE, java, new String[] {"segment", "--in", "a_b.nii.gz"}).isEmpty(),
                "the command line read back differs from main's arguments");
        assertTrue(Relaunch.command(Map.of(), "Linux", CMDLINE, Optional.empty(), ARGS).isEmpty(), "no launcher path");
    }

    /** The real entry point in a fresh JVM without the variable: the work runs in a child that has it. */
    @Test
    void mainRunsTheCommandInAChildWithTheMallocTunables() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux only");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-cp", cp, Main.class.getName(), "bench", "--only", "snn-train", "--width", "2", "--batch", "1",
                "--h", "16", "--w", "16", "--T", "2", "--reps", "1", "--threads", "1"));
        Path log = Files.createTempFile("relaunch", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().remove("GLIBC_TUNABLES");
            Process p = pb.start();
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "bench did not finish in 300 s");
            String out = Files.readString(log);
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains("# GLIBC_TUNABLES=" + org.hipposnn.engine.MallocTunables.TUNABLES + "\n"), out);
            assertTrue(out.contains("snn-train "), out);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
