package org.hipposnn.fiji;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.hipposnn.engine.Backend;
import org.hipposnn.model.ModelFiles;
import org.hipposnn.model.ModelFilesTest;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;
import org.scijava.script.ScriptService;

/** What the Fiji tests share: a headless SciJava context as Fiji builds it, phantoms, a tiny model. */
final class FijiTestSupport {

    static final Path PHANTOMS = Path.of("test-data/imagesTr");

    private FijiTestSupport() {}

    static Context context() {
        return new Context(CommandService.class, StatusService.class, LogService.class, ScriptService.class);
    }

    /** A width-4 ANN bundle with random weights: fast, and real enough to go through every step. */
    static File tinyModel(Path dir) throws Exception {
        Backend.start(2);
        Path f = dir.resolve("tiny.zip");
        ModelFiles.save(f, ModelFilesTest.bundle(1));
        return f.toFile();
    }

    static File phantom(int i) {
        return PHANTOMS.resolve(String.format("phantom_%03d.nii.gz", i)).toFile();
    }

    /** Runs a command with pre- and post-processing, as Fiji does, and returns its module. */
    static CommandModule run(Context ctx, Class<? extends org.scijava.command.Command> c, Object... inputs)
            throws InterruptedException, ExecutionException {
        return ctx.service(CommandService.class).run(c, true, inputs).get();
    }
}
