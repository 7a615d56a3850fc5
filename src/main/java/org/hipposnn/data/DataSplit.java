package org.hipposnn.data;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Which subjects train, which pick the checkpoint (validation, taken from the training folds) and
 * which are held out for the reported accuracy (the test fold). Made from seeds, so every stage of
 * the pipeline (ANN, conversion, fine-tuning) sees the same subjects.
 *
 * @param fold   test fold index, 0-based
 * @param folds  number of folds (the paper: 5); 1 means no test fold: every subject trains or validates
 * @param seed   split seed
 * @param validationFraction share of the training subjects kept for validation
 * @param trainLimit train on a seeded random subset of this many training subjects (0: all); validation
 *                   and test subjects stay the same, so runs with and without a limit are scored alike
 */
public record DataSplit(int fold, int folds, long seed, double validationFraction, int trainLimit,
                        List<String> train, List<String> validation, List<String> test) {

    public static final double DEFAULT_VALIDATION_FRACTION = 0.1;
    public static final long DEFAULT_SEED = 42;

    public static DataSplit of(List<String> ids, int fold, int folds, long seed, double validationFraction) {
        return of(ids, fold, folds, seed, validationFraction, 0);
    }

    public static DataSplit of(List<String> ids, int fold, int folds, long seed, double validationFraction, int trainLimit) {
        if (trainLimit < 0) throw new IllegalArgumentException("the training-subject limit must be >= 0 (0: all), got " + trainLimit);
        if (folds < 1) throw new IllegalArgumentException("folds must be >= 1, got " + folds);
        if (fold < 0 || fold >= folds) {
            throw new IllegalArgumentException("fold must be in 0.." + (folds - 1) + ", got " + fold);
        }
        // One "fold": every subject trains (the shipped model); there is no test fold to score on.
        KFold.Fold f = folds == 1 ? new KFold.Fold(0, ids, List.of()) : KFold.split(ids, folds, seed).get(fold);
        KFold.Split s = f.validationSplit(validationFraction, seed + 1);
        List<String> train = s.train();
        if (trainLimit > 0 && trainLimit < train.size()) {
            List<String> shuffled = new ArrayList<>(train);
            Collections.shuffle(shuffled, new Random(seed + 2));
            train = new ArrayList<>(shuffled.subList(0, trainLimit));
            Collections.sort(train);
        }
        return new DataSplit(fold, folds, seed, validationFraction, trainLimit, List.copyOf(train), s.validation(), f.test());
    }

    /** The split a model's training record describes ({@link #toJson()}); bundles made before the limit existed have none. */
    public static DataSplit of(List<String> ids, JsonObject json) {
        return of(ids, json.get("fold").getAsInt(), json.get("folds").getAsInt(), json.get("seed").getAsLong(),
                json.get("validationFraction").getAsDouble(), json.has("trainLimit") ? json.get("trainLimit").getAsInt() : 0);
    }

    public JsonObject toJson() {
        JsonObject j = new JsonObject();
        j.addProperty("fold", fold);
        j.addProperty("folds", folds);
        j.addProperty("seed", seed);
        j.addProperty("validationFraction", validationFraction);
        if (trainLimit > 0) j.addProperty("trainLimit", trainLimit);
        j.addProperty("trainSubjects", train.size());
        j.addProperty("validationSubjects", validation.size());
        j.addProperty("testSubjects", test.size());
        return j;
    }
}
