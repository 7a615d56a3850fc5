package org.hipposnn.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Table 1 tells a run that converged from one stopped at its epoch cap. */
class ReportTest {
    private static StageResult run(int fold, String stage, int epochsRun, int bestEpoch, double dice) {
        return run(fold, stage, epochsRun, bestEpoch, dice, epochsRun > 0 ? 10 : 0);
    }

    private static StageResult run(int fold, String stage, int epochsRun, int bestEpoch, double dice, int patience) {
        TreeMap<Integer, Double> byT = new TreeMap<>();
        byT.put(10, dice);
        if (stage.equals("converted")) byT.put(100, dice + 0.5);
        return new StageResult(fold, "bce-dice", stage, stage.equals("converted") ? 100 : 10, 10, dice, 0.01, dice - 0.1, 0.2,
                epochsRun, bestEpoch, 60, byT, List.of(), 1, 2, patience);
    }

    @Test
    void convergedCountsOnlyRunsFollowedByThePatience() {
        // fold 0: best at 34 of 44 (10 epochs of patience followed: converged); fold 1: best at 8 of 8 (the cap)
        Report r = new Report(List.of(run(0, "fine-tuned", 44, 34, 0.82), run(1, "fine-tuned", 8, 8, 0.80),
                run(0, "direct", 53, 43, 0.81), run(1, "direct", 52, 42, 0.79)));
        String table = r.table1("test");
        String tuned = table.lines().filter(l -> l.contains("fine-tuned")).findFirst().orElseThrow();
        assertTrue(tuned.contains("| 21.0 ± 18.4 | 1 of 2 | 26.0 ± 25.5 |"), tuned);
        String direct = table.lines().filter(l -> l.contains("directly")).findFirst().orElseThrow();
        assertTrue(direct.contains("| 2 of 2 |"), direct);
        assertTrue(direct.contains("| 0.800 ± 0.014 |"), "3-D Dice mean ± std over folds: " + direct);
        List<String> csv = r.csv().lines().toList();
        assertTrue(csv.get(0).contains(",best_epoch,converged,"), csv.get(0));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("1,bce-dice,fine-tuned,") && l.contains(",8,8,false,")), r.csv());
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("0,bce-dice,fine-tuned,") && l.contains(",44,34,true,")), r.csv());
    }

    @Test
    void eachRunIsJudgedByThePatienceItTrainedWith() throws Exception {
        // best at 3 of 5: converged with patience 2, not with 10
        assertTrue(Report.converged(run(0, "fine-tuned", 5, 3, 0.8, 2)));
        assertFalse(Report.converged(run(0, "fine-tuned", 5, 3, 0.8, 10)));
        assertFalse(Report.converged(run(0, "fine-tuned", 5, 4, 0.8, 2)));
        String table = new Report(List.of(run(0, "ann", 30, 20, 0.88, 10), run(0, "fine-tuned", 5, 3, 0.8, 2))).table1("test");
        assertTrue(table.contains("followed by 10 (ANN) or 2 (fine-tuned SNN (hybrid)) epochs"), table);

        // a result file written before results recorded their patience: its job trained with the default, 10
        java.nio.file.Path f = java.nio.file.Files.createTempFile("fine-tuned", ".json");
        try {
            run(0, "fine-tuned", 44, 34, 0.8, 0).write(f);
            assertEquals(10, StageResult.read(f).patience());
            assertTrue(Report.converged(StageResult.read(f)));
        } finally {
            java.nio.file.Files.deleteIfExists(f);
        }
    }

    @Test
    void theConvertedSnnIsReadAtTheFineTuningTToo() {
        Report r = new Report(List.of(run(0, "converted", 0, 0, 0.1), run(1, "converted", 0, 0, 0.3), run(0, "fine-tuned", 8, 8, 0.8)));
        String table = r.table1("test");
        assertTrue(table.contains("| model | loss | T = 10 | T = 100 |"), table);
        assertTrue(table.contains("| converted SNN | bce-dice | 0.200 ± 0.141 | 0.700 ± 0.141 |"), table);
        assertTrue(table.contains("| fine-tuned SNN (hybrid) | bce-dice | 0.800 | — |"), table);
    }
}
