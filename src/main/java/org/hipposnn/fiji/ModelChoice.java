package org.hipposnn.fiji;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.model.ModelFiles;
import org.hipposnn.model.ShippedModel;
import org.hipposnn.model.SpikingSettings;

/**
 * Which model bundle a segmentation uses: the one the user gave, or the bundled default that the
 * update site installs as {@code models/hippo-snn.zip} in the Fiji folder. One place, so the
 * commands and the macro entry points agree on the default and on the messages.
 */
final class ModelChoice {

    /** The bundled model's path inside the Fiji (or ImageJ) folder. */
    static final String BUNDLED = ShippedModel.PATH;

    private ModelChoice() {}

    /** The given file, or the bundled default when {@code given} is null or an empty path. */
    static Path resolve(File given) throws IOException {
        if (given != null && !given.getPath().isBlank()) {
            Path p = given.toPath();
            if (Files.isDirectory(p)) throw new IOException(p + ": is a folder; model_file must be a model bundle (.zip)");
            if (!Files.isRegularFile(p)) throw new NoSuchFileException(p.toString(), null, "no such model file");
            return p;
        }
        return ShippedModel.locate();
    }

    /**
     * Loads the model; for an SNN, {@code timeSteps > 0} replaces the bundle's own simulation
     * length (an ANN has no time steps, so it is ignored there).
     */
    static ModelBundle load(File given, int timeSteps) throws IOException {
        ModelBundle b = ModelFiles.load(resolve(given));
        if (b.kind() != ModelBundle.Kind.SNN || timeSteps <= 0) return b;
        SpikingSettings s = b.spiking();
        return new ModelBundle(b.kind(), b.network(), b.preprocessing(), b.weights(),
                new SpikingSettings(timeSteps, s.encoder(), s.thresholds()), b.training(), b.metrics());
    }
}
