package org.hipposnn.fiji;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonStreamParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plugins.config as ImageJ 1.x reads it: a jar named Hippo_SNN-*.jar in a plugins/ folder, loaded
 * by ImageJ's own menu code (ij.Menus builds AWT menus, so it runs under Xvfb), and checked against
 * the SciJava command index so that no label is registered twice.
 */
class PluginsConfigTest {
    @TempDir
    Path tmp;

    static final Pattern ENTRY = Pattern.compile("^([^#,][^,]*),\\s*\"([^\"]+)\",\\s*([\\w.]+)");

    @Test
    void noMenuLabelIsRegisteredTwice() throws Exception {
        Set<String> sciJava = new HashSet<>();
        // the index is a stream of JSON objects, one per plugin, not one document
        var index = new JsonStreamParser(Files.readString(Path.of("target/classes/META-INF/json/org.scijava.plugin.Plugin")));
        while (index.hasNext()) {
            JsonObject o = index.next().getAsJsonObject();
            JsonObject values = o.getAsJsonObject("values");
            if (o.get("class").getAsString().startsWith("org.hipposnn.fiji.") && values.has("menuPath")) {
                String path = values.get("menuPath").getAsString();
                sciJava.add(path.substring(path.lastIndexOf('>') + 1));
            }
        }
        assertEquals(Set.of("Segment Hippocampus", "Train ANN", "Convert to SNN", "Fine-tune SNN", "Cross-validate"), sciJava);
        List<String[]> entries = entries();
        assertFalse(entries.isEmpty());
        for (String[] e : entries) {
            assertFalse(sciJava.contains(e[1]), e[1] + " is both a SciJava command and in plugins.config");
            assertDoesNotThrow(() -> Class.forName(e[2]), e[2]);
        }
    }

    @Test
    void imageJ1MenusShowTheEntryAndRunIt() throws Exception {
        boolean xvfb = Files.isExecutable(Path.of("/usr/bin/xvfb-run"));
        if (!xvfb && "true".equals(System.getenv("CI"))) fail("xvfb-run is missing (.ci/run installs Debian's xvfb)");
        Assumptions.assumeTrue(xvfb, "xvfb-run not installed: ImageJ 1.x menus need a display; skipped");
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("Hippo_SNN-0.1.0.jar")))) {
            jar.putNextEntry(new JarEntry("plugins.config"));
            jar.write(Files.readAllBytes(Path.of("plugins.config")));
            jar.closeEntry();
        }
        Path macro = Files.writeString(tmp.resolve("menus.ijm"), String.join("\n",
                "run(\"Hippo SNN...\");", // the first run() builds ImageJ's menus, reading plugins/
                "List.setCommands;",
                "print(\"COMMAND=\" + List.get(\"Hippo SNN...\"));"));
        var r = ImageJProcess.run(List.of("/usr/bin/xvfb-run", "-a"), List.of("-Dplugins.dir=" + tmp),
                "-batch", macro.toString());
        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().contains("COMMAND=org.hipposnn.fiji.AboutHippoSnn"), r.output());
        assertTrue(r.output().contains("Macros.segmentFolder"), "the About text was not shown: " + r.output());
    }

    /** [menu, label, class] of each entry of plugins.config. */
    static List<String[]> entries() throws Exception {
        return Files.readAllLines(Path.of("plugins.config")).stream().map(ENTRY::matcher).filter(Matcher::find)
                .map(m -> new String[] {m.group(1).trim(), m.group(2), m.group(3)}).toList();
    }
}
