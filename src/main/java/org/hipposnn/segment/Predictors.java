package org.hipposnn.segment;

import org.hipposnn.ann.AnnPredictor;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.snn.SnnPredictor;

/** The predictor a bundle calls for: the ANN's forward pass, or the SNN simulated over T steps. */
public final class Predictors {
    /** Slices per forward pass when segmenting (the paper's batch). */
    public static final int BATCH = 26;

    private Predictors() {}

    /** Seed of the SNN's input spikes when segmenting: fixed, so a segmentation is reproducible. */
    public static final long SEED = 1;

    public static SlicePredictor forBundle(ModelBundle bundle) {
        return forBundle(bundle, 0);
    }

    /** @param timeSteps SNN simulation length; 0 takes the bundle's own T (ignored for an ANN) */
    public static SlicePredictor forBundle(ModelBundle bundle, int timeSteps) {
        return switch (bundle.kind()) {
            case ANN -> new AnnPredictor(bundle.network(), bundle.weights(), BATCH);
            case SNN -> new SnnPredictor(bundle.network(), bundle.weights(), bundle.spiking(),
                    timeSteps > 0 ? timeSteps : bundle.spiking().timeSteps(), SEED, BATCH);
        };
    }
}
