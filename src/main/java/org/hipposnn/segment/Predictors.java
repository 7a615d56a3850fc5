package org.hipposnn.segment;

import org.hipposnn.ann.AnnPredictor;
import org.hipposnn.model.ModelBundle;

/** The predictor a bundle calls for: the ANN's forward pass, or the SNN simulated over T steps. */
public final class Predictors {
    /** Slices per forward pass when segmenting (the paper's batch). */
    public static final int BATCH = 26;

    private Predictors() {}

    public static SlicePredictor forBundle(ModelBundle bundle) {
        return switch (bundle.kind()) {
            case ANN -> new AnnPredictor(bundle.network(), bundle.weights(), BATCH);
            case SNN -> throw new UnsupportedOperationException("SNN models are not supported by this version yet");
        };
    }
}
