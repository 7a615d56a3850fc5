package org.hipposnn.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.hipposnn.engine.MallocTunables;

/**
 * Runs the command line again in a child JVM with the engine's glibc malloc settings ({@link MallocTunables}).
 * Why: ND4J allocates a fresh native buffer for every layer and time step, and by default every one is a new
 * mapping whose pages the kernel faults in and zeroes; on virtual machines where faults are costly that made SNN
 * training seven to nine times slower (docs/benchmarks.md, "Page faults" and "... and malloc arenas"). glibc reads GLIBC_TUNABLES only when a process starts, so from
 * {@code java -jar} the only way to set it is a new process. Nothing is relaunched off Linux, when GLIBC_TUNABLES
 * is already set (set it, even empty, to opt out), or when this JVM's command line cannot be read or does not end
 * in main's own arguments (an encoding that would not survive the trip, an unusual launcher).
 */
final class Relaunch {
    private Relaunch() {}

    /**
     * The child's command: this JVM's own command line ({@code /proc/self/cmdline}, NUL-separated) with the
     * launcher replaced by its absolute path; empty when nothing should be relaunched.
     */
    static Optional<List<String>> command(Map<String, String> env, String osName, byte[] cmdline, Optional<String> launcher,
                                          String[] args) {
        if (env.containsKey(MallocTunables.VARIABLE) || !MallocTunables.linux(osName)
                || cmdline == null || cmdline.length == 0 || launcher.isEmpty()) {
            return Optional.empty();
        }
        // decoded as the JVM decoded main's arguments, so that they go back out the same
        String s = new String(cmdline, Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")));
        if (s.endsWith("\0")) s = s.substring(0, s.length() - 1);
        List<String> cmd = new ArrayList<>(Arrays.asList(s.split("\0", -1)));
        if (cmd.size() <= args.length || !cmd.subList(cmd.size() - args.length, cmd.size()).equals(Arrays.asList(args))) {
            return Optional.empty();
        }
        cmd.set(0, launcher.get());
        return Optional.of(cmd);
    }

    /** Runs the child and returns its exit code, or empty when this JVM should do the work itself. */
    static OptionalInt run(String[] args) {
        byte[] cmdline;
        try {
            cmdline = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        Optional<List<String>> cmd = command(System.getenv(), System.getProperty("os.name", ""), cmdline,
                ProcessHandle.current().info().command(), args);
        if (cmd.isEmpty()) return OptionalInt.empty();
        ProcessBuilder pb = new ProcessBuilder(cmd.get()).inheritIO();
        pb.environment().put(MallocTunables.VARIABLE, MallocTunables.TUNABLES);
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            return OptionalInt.empty(); // could not start: do the work here, only slower
        }
        // A SIGTERM or Ctrl-C to this JVM stops the child too, and waits for its own shutdown (temporary files).
        Thread stop = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(stop);
        while (true) {
            try {
                return OptionalInt.of(child.waitFor());
            } catch (InterruptedException e) {
                // keep waiting: the child owns the work
            }
        }
    }
}
