package org.hipposnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DataSplitTest {
    private static final List<String> IDS = IntStream.range(0, 20).mapToObj(i -> String.format("case_%03d", i)).toList();

    @Test
    void oneFoldTrainsOnEverySubjectWithNoTestFold() {
        DataSplit s = DataSplit.of(IDS, 0, 1, 42, 0.1);
        assertTrue(s.test().isEmpty());
        assertEquals(2, s.validation().size());
        List<String> all = new ArrayList<>(s.train());
        all.addAll(s.validation());
        assertEquals(new HashSet<>(IDS), new HashSet<>(all));
        assertEquals(IDS.size(), all.size());
    }

    @Test
    void fiveFoldsHoldOutAFifth() {
        DataSplit s = DataSplit.of(IDS, 3, 5, 42, 0.1);
        assertEquals(4, s.test().size());
        assertEquals(16, s.train().size() + s.validation().size());
        assertTrue(s.test().stream().noneMatch(s.train()::contains));
    }

    @Test
    void aTrainingLimitKeepsASeededSubsetAndTheSameValidationAndTest() {
        DataSplit all = DataSplit.of(IDS, 1, 5, 42, 0.1);
        DataSplit some = DataSplit.of(IDS, 1, 5, 42, 0.1, 5);
        assertEquals(5, some.train().size());
        assertTrue(all.train().containsAll(some.train()));
        assertEquals(all.validation(), some.validation());
        assertEquals(all.test(), some.test());
        assertEquals(some, DataSplit.of(IDS, some.toJson()), "the limit survives the model's training record");
        assertEquals(all, DataSplit.of(IDS, all.toJson()));
        assertTrue(!all.toJson().has("trainLimit"), "records without a limit stay as they were");
        // a shuffled subset, not the first ids in sorted order
        assertTrue(!some.train().equals(all.train().subList(0, 5)));
        assertEquals(all.train(), DataSplit.of(IDS, 1, 5, 42, 0.1, 1000).train(), "a limit above the count keeps every subject");
    }
}
