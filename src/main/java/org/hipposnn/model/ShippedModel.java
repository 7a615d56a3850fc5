package org.hipposnn.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the shipped SNN model lives: {@code models/hippo-snn.zip} in the Fiji folder (where the
 * update site installs it), in the working folder (a checkout of the repository), or beside the
 * folder of the running jar (a checkout's {@code target/hippo-snn.jar}). The system property
 * {@code hipposnn.model} names another file. One place, so the command line, the Fiji commands and
 * the macros agree on the default and on the message when it is missing.
 */
public final class ShippedModel {
    /** The shipped model's path inside the Fiji folder or the repository. */
    public static final String PATH = "models/hippo-snn.zip";

    private ShippedModel() {}

    public static Path locate() throws IOException {
        String override = System.getProperty("hipposnn.model");
        if (override != null && !override.isBlank()) {
            Path p = Path.of(override);
            if (!Files.isRegularFile(p)) {
                throw new NoSuchFileException(p.toString(), null, "no bundled model is installed there (system property hipposnn.model); give a model bundle");
            }
            return p;
        }
        List<Path> looked = new ArrayList<>();
        for (Path dir : places()) {
            Path p = dir.resolve(PATH).toAbsolutePath().normalize();
            if (Files.isRegularFile(p)) return p;
            if (!looked.contains(p)) looked.add(p);
        }
        throw new NoSuchFileException(PATH, null, "no model given and no bundled model is installed (looked for "
                + looked + "); give a model bundle (made by train-ann, convert, finetune or the Fiji commands)");
    }

    private static List<Path> places() {
        List<Path> dirs = new ArrayList<>();
        for (String d : new String[] {System.getProperty("imagej.dir"), System.getProperty("ij.dir")}) if (d != null) dirs.add(Path.of(d));
        dirs.add(Path.of(""));
        try {
            Path jar = Path.of(ShippedModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar.getParent(); p != null && dirs.size() < 8; p = p.getParent()) dirs.add(p);
        } catch (Exception e) {
            // no code source (unusual class loaders): the other places still count
        }
        return dirs;
    }
}
