package org.hipposnn.fiji;

import static org.hipposnn.fiji.FijiTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.script.ScriptModule;
import org.scijava.script.ScriptService;

/** examples/segment.groovy as headless Fiji runs it: SciJava's ScriptService, JSR-223 Groovy, #@ parameters. */
class GroovyScriptTest {
    @TempDir
    Path tmp;

    @Test
    void theExampleScriptSegmentsThroughTheCommand() throws Exception {
        File model = tinyModel(tmp);
        try (Context ctx = context()) {
            ScriptService scripts = ctx.service(ScriptService.class);
            assertNotNull(scripts.getLanguageByExtension("groovy"), "Groovy is not on the class path");
            ScriptModule m = scripts.run(new File("examples/segment.groovy"), true,
                    "input", phantom(3), "model", model).get();
            double volume = ((Number) m.getOutput("volume_mm3")).doubleValue();
            String expected = Macros.segment(phantom(3).toString(), tmp.resolve("l.nii.gz").toString(), model.toString());
            assertEquals(Double.parseDouble(expected), volume, 0.05);
        }
    }
}
