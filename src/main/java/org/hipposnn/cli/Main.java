package org.hipposnn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line entry point: {@code java -jar target/hippo-snn.jar <subcommand> ...}. */
@Command(name = "hippo-snn", mixinStandardHelpOptions = true, version = "Hippo SNN 0.1.0",
        description = "Hippocampus segmentation with a hybrid-trained spiking U-Net.",
        subcommands = {DemoCommand.class, InspectCommand.class, PhantomsCommand.class, TrainAnnCommand.class, ConvertCommand.class, FinetuneCommand.class, TrainSnnCommand.class, EvaluateCommand.class, HistoryCommand.class, SegmentCommand.class, CrossvalCommand.class, BenchCommand.class, BenchIoCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        // glibc tunables take effect only at process start: the work may run in a child JVM (Relaunch says why)
        System.exit(Relaunch.run(args).orElseGet(() -> run(args)));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::reportError)
                .execute(args);
    }

    /** Bad input and damaged files end with one clear line and exit code 2, not a stack trace. */
    private static int reportError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (e instanceof java.io.IOException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException || e instanceof java.io.UncheckedIOException) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof java.nio.file.NoSuchFileException && !m.contains(":")) m += ": no such file";
            cmd.getErr().println(cmd.getCommandName() + ": " + m);
            return 2;
        }
        throw new RuntimeException(e);
    }
}
