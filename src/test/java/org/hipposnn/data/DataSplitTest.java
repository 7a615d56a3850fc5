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
}
