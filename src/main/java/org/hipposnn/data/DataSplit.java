package org.hipposnn.data;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * Which subjects train, which pick the checkpoint (validation, taken from the training folds) and
 * which are held out for the reported accuracy (the test fold). Made from seeds, so every stage of
 * the pipeline (ANN, conversion, fine-tuning) sees the same subjects.
 *
 * @param fold   test fold index, 0-based
 * @param folds  number of folds (the paper: 5); 1 means no test fold: every subject trains or validates
 * @param seed   split seed
 * @param validationFraction share of the training subjects kept for validation
 */
public record DataSplit(int fold, int folds, long seed, double validationFraction,
                        List<String> train, List<String> validation, List<String> test) {

    public static final double DEFAULT_VALIDATION_FRACTION = 0.1;
    public static final long DEFAULT_SEED = 42;

    public static DataSplit of(List<String> ids, int fold, int folds, long seed, double validationFraction) {
        if (folds < 1) throw new IllegalArgumentException("folds must be >= 1, got " + folds);
        if (fold < 0 || fold >= folds) {
            throw new IllegalArgumentException("fold must be in 0.." + (folds - 1) + ", got " + fold);
        }
        // One "fold": every subject trains (the shipped model); there is no test fold to score on.
        KFold.Fold f = folds == 1 ? new KFold.Fold(0, ids, List.of()) : KFold.split(ids, folds, seed).get(fold);
        KFold.Split s = f.validationSplit(validationFraction, seed + 1);
        return new DataSplit(fold, folds, seed, validationFraction, s.train(), s.validation(), f.test());
    }

    public JsonObject toJson() {
        JsonObject j = new JsonObject();
        j.addProperty("fold", fold);
        j.addProperty("folds", folds);
        j.addProperty("seed", seed);
        j.addProperty("validationFraction", validationFraction);
        j.addProperty("trainSubjects", train.size());
        j.addProperty("validationSubjects", validation.size());
        j.addProperty("testSubjects", test.size());
        return j;
    }
}
