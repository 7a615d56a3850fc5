package org.hipposnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KFoldTest {

    private static List<String> ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> String.format("hippocampus_%03d", i)).toList();
    }

    @ParameterizedTest
    @CsvSource({"10, 2", "10, 3", "11, 5", "7, 7", "260, 5", "2, 2"})
    void partitionsSubjects(int n, int k) {
        List<String> all = ids(n);
        List<KFold.Fold> folds = KFold.split(all, k, 42);
        assertEquals(k, folds.size());
        Set<String> tested = new HashSet<>();
        int min = Integer.MAX_VALUE, max = 0;
        for (int f = 0; f < k; f++) {
            KFold.Fold fold = folds.get(f);
            assertEquals(f, fold.index());
            for (String t : fold.test()) {
                assertTrue(tested.add(t), "in two test folds: " + t);
            }
            Set<String> union = new HashSet<>(fold.train());
            union.addAll(fold.test());
            assertEquals(new HashSet<>(all), union);
            assertEquals(n, fold.train().size() + fold.test().size());
            min = Math.min(min, fold.test().size());
            max = Math.max(max, fold.test().size());
        }
        assertEquals(new HashSet<>(all), tested);
        assertTrue(max - min <= 1, "unbalanced: " + min + ".." + max);
    }

    @Test
    void deterministicAndOrderIndependent() {
        List<String> all = ids(20);
        List<String> reversed = new ArrayList<>(all);
        Collections.reverse(reversed);
        assertEquals(KFold.split(all, 5, 7), KFold.split(all, 5, 7));
        assertEquals(KFold.split(all, 5, 7), KFold.split(reversed, 5, 7));
        assertNotEquals(KFold.split(all, 5, 7), KFold.split(all, 5, 8));
    }

    @Test
    void validationSplitIsDisjointSubsetOfTrain() {
        KFold.Fold fold = KFold.split(ids(20), 5, 1).get(2);
        KFold.Split s = fold.validationSplit(0.2, 3);
        assertEquals(16, fold.train().size());
        assertEquals(3, s.validation().size()); // round(3.2)
        assertEquals(13, s.train().size());
        Set<String> both = new HashSet<>(s.train());
        both.retainAll(s.validation());
        assertTrue(both.isEmpty());
        Set<String> union = new HashSet<>(s.train());
        union.addAll(s.validation());
        assertEquals(new HashSet<>(fold.train()), union);
        for (String t : fold.test()) {
            assertFalse(union.contains(t));
        }
        assertEquals(s, fold.validationSplit(0.2, 3));
        assertNotEquals(s, fold.validationSplit(0.2, 4));
    }

    @Test
    void validationSplitKeepsOneOnEachSide() {
        KFold.Fold small = KFold.split(ids(3), 3, 0).get(0); // 2 training subjects
        KFold.Split tiny = small.validationSplit(0.01, 0);
        assertEquals(1, tiny.validation().size());
        assertEquals(1, tiny.train().size());
        KFold.Split huge = small.validationSplit(0.99, 0);
        assertEquals(1, huge.validation().size());
        assertEquals(1, huge.train().size());
        KFold.Fold one = KFold.split(ids(2), 2, 0).get(0); // 1 training subject
        assertEquals(0, one.validationSplit(0.5, 0).validation().size());
        assertThrows(IllegalArgumentException.class, () -> small.validationSplit(0, 0));
        assertThrows(IllegalArgumentException.class, () -> small.validationSplit(1, 0));
    }

    @Test
    void validatesInput() {
        var e = assertThrows(IllegalArgumentException.class, () -> KFold.split(ids(5), 1, 0));
        assertTrue(e.getMessage().contains("2..5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KFold.split(ids(5), 6, 0));
        e = assertThrows(IllegalArgumentException.class, () -> KFold.split(List.of("a", "b", "a"), 2, 0));
        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new KFold.Fold(0, List.of("a", "b"), List.of("b")));
    }
}
