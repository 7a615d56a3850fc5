package org.hipposnn.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Subject-wise k-fold cross-validation splits.
 * <p>
 * Splitting by subject (never by slice) keeps every slice of a test subject out of training,
 * so reported scores are not inflated by near-duplicate neighbouring slices. The split is
 * deterministic from the seed: the ids are sorted, shuffled with {@code new java.util.Random(seed)}
 * ({@link Collections#shuffle(List, Random)}), and cut into k contiguous chunks whose sizes differ by
 * at most one (the first {@code n % k} folds get one extra subject). The result therefore does not
 * depend on the order of the input list.
 */
public final class KFold {

    private KFold() {
    }

    /**
     * One fold: its test subjects and the training subjects (all the others). Lists are
     * unmodifiable and sorted.
     */
    public record Fold(int index, List<String> train, List<String> test) {

        public Fold {
            if (index < 0) {
                throw new IllegalArgumentException("Fold index must be >= 0, got " + index);
            }
            train = List.copyOf(train);
            test = List.copyOf(test);
            Set<String> overlap = new HashSet<>(train);
            overlap.retainAll(test);
            if (!overlap.isEmpty()) {
                throw new IllegalArgumentException("Subjects both in train and test of fold " + index + ": " + overlap);
            }
        }

        /**
         * Splits this fold's training subjects into training and validation subjects (for picking
         * checkpoints without touching the test fold). The validation set holds
         * {@code round(fraction * n)} subjects, but at least one and at most {@code n - 1} when there are
         * at least two training subjects; with fewer, validation is empty. Deterministic from the seed
         * (sorted copy shuffled with {@code new Random(seed)}; the first subjects become validation).
         *
         * @param fraction in (0, 1)
         */
        public Split validationSplit(double fraction, long seed) {
            if (!(fraction > 0 && fraction < 1)) {
                throw new IllegalArgumentException("Validation fraction must be in (0, 1), got " + fraction);
            }
            List<String> ids = new ArrayList<>(train);
            Collections.sort(ids);
            Collections.shuffle(ids, new Random(seed));
            int n = ids.size();
            int nVal = n < 2 ? 0 : (int) Math.max(1, Math.min(n - 1, Math.round(fraction * n)));
            List<String> validation = new ArrayList<>(ids.subList(0, nVal));
            List<String> rest = new ArrayList<>(ids.subList(nVal, n));
            Collections.sort(validation);
            Collections.sort(rest);
            return new Split(rest, validation);
        }
    }

    /** Training and validation subjects taken from one fold's training set; disjoint, unmodifiable, sorted. */
    public record Split(List<String> train, List<String> validation) {
        public Split {
            train = List.copyOf(train);
            validation = List.copyOf(validation);
        }
    }

    /**
     * Splits subjects into k folds.
     *
     * @param subjectIds unique, non-null ids
     * @param k          number of folds, 2 <= k <= number of subjects
     * @param seed       shuffle seed
     * @return k folds, index 0..k-1; every subject is in exactly one test set
     * @throws IllegalArgumentException for duplicate or null ids or k out of range
     */
    public static List<Fold> split(List<String> subjectIds, int k, long seed) {
        if (subjectIds == null) {
            throw new IllegalArgumentException("Subject id list must not be null");
        }
        Set<String> seen = new HashSet<>();
        for (String id : subjectIds) {
            if (id == null) {
                throw new IllegalArgumentException("Subject ids must not be null");
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException("Duplicate subject id: '" + id + "'");
            }
        }
        int n = subjectIds.size();
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("Number of folds k must be in 2.." + n + " (number of subjects), got " + k);
        }
        List<String> ids = new ArrayList<>(subjectIds);
        Collections.sort(ids);
        Collections.shuffle(ids, new Random(seed));
        List<Fold> folds = new ArrayList<>(k);
        int start = 0;
        for (int f = 0; f < k; f++) {
            int size = n / k + (f < n % k ? 1 : 0);
            List<String> test = new ArrayList<>(ids.subList(start, start + size));
            List<String> train = new ArrayList<>(ids.subList(0, start));
            train.addAll(ids.subList(start + size, n));
            Collections.sort(test);
            Collections.sort(train);
            folds.add(new Fold(f, train, test));
            start += size;
        }
        return List.copyOf(folds);
    }
}
