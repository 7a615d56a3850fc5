package org.hipposnn.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.hipposnn.experiment.StageResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI profile of crossval: the whole grid (2 folds, 2 losses, all four stages) on the phantoms
 * with a tiny protocol; the report must be assembled, every number in it computed, and a rerun must
 * resume from the result files.
 */
class CrossvalCommandTest {
    @TempDir
    Path tmp;

    private static final String[] GRID = {"--data", "test-data", "--folds", "2", "--losses", "bce,bce-dice", "--protocol", "small",
            "--ann-epochs", "4", "--fine-tune-epochs", "1", "--direct-epochs", "1", "--threads", "2"};

    private CommandLineTest.Run crossval(Path out) {
        String[] args = new String[GRID.length + 3];
        args[0] = "crossval";
        System.arraycopy(GRID, 0, args, 1, GRID.length);
        args[GRID.length + 1] = "--out";
        args[GRID.length + 2] = out.toString();
        return CommandLineTest.run(args);
    }

    @Test
    void theGridIsRunScoredReportedAndResumed() throws Exception {
        Path out = tmp.resolve("cv");
        var r = crossval(out);
        assertEquals(0, r.code(), r.err());

        List<String> csv = Files.readAllLines(out.resolve("report/results.csv"));
        assertEquals(1 + 2 * 2 * 4, csv.size(), "heading + 2 folds x 2 losses x 4 stages");
        for (String line : csv.subList(1, csv.size())) {
            assertFalse(line.contains("NaN") || line.contains(",,"), line);
        }
        String table = Files.readString(out.resolve("report/table1.md"));
        assertEquals(table.strip(), r.out().substring(0, r.out().indexOf("wrote")).strip());
        List<String> rows = table.lines().filter(l -> l.startsWith("| bce")).toList();
        assertEquals(8, rows.size(), table);
        Pattern dice = Pattern.compile("\\| (\\d\\.\\d{3}) ± (\\d\\.\\d{3}) \\| (\\d\\.\\d{3}) ± (\\d\\.\\d{3}) \\|");
        for (String row : rows) {
            Matcher m = dice.matcher(row);
            assertTrue(m.find(), "2-D and 3-D Dice mean ± std over the 2 folds: " + row);
            assertFalse(row.contains("NaN") || row.contains("| |"), row);
        }
        for (String fig : List.of("fig2-bce.png", "fig2-bce-dice.png", "fig3-bce.png", "fig3-bce-dice.png", "dice-vs-T-bce.png", "dice-vs-T-bce-dice.png",
                "convergence-bce.png", "convergence-bce-dice.png")) {
            assertNotNull(ImageIO.read(out.resolve("report").resolve(fig).toFile()), fig);
        }
        StageResult tuned = StageResult.read(StageResult.file(out, 1, "bce", org.hipposnn.experiment.Stage.FINE_TUNED));
        assertEquals(20, tuned.timeSteps());
        assertEquals(10, tuned.layers().size(), "a firing rate per spiking layer");
        assertTrue(tuned.dice3dByT().keySet().containsAll(List.of(10, 20, 32)), tuned.dice3dByT().toString());
        assertTrue(tuned.snnEnergyNj() > 0);
        for (int f = 0; f < 2; f++) {
            for (String loss : List.of("bce", "bce-dice")) {
                for (String stage : List.of("ann", "converted", "fine-tuned", "direct")) {
                    Path dir = out.resolve("fold-" + f).resolve(loss);
                    assertTrue(Files.exists(dir.resolve(stage + ".zip")), dir + " " + stage);
                    assertFalse(Files.exists(dir.resolve(stage + ".zip.checkpoint")), "finished jobs leave no checkpoint");
                }
            }
        }

        // a rerun finds every job done; a lost result file reruns that job alone: its finished bundle is
        // scored again (the same scores), not trained again; a lost bundle is trained again
        Path directResult = StageResult.file(out, 0, "bce-dice", org.hipposnn.experiment.Stage.DIRECT);
        StageResult before = StageResult.read(directResult);
        Files.delete(directResult);
        var again = crossval(out);
        assertEquals(0, again.code(), again.err());
        assertEquals(15, again.err().lines().filter(l -> l.startsWith("done before:")).count(), again.err());
        assertTrue(again.err().contains("fold 0, bce-dice, direct") && again.err().contains("trained before"), again.err());
        assertFalse(again.err().contains("epoch 1/"), "not trained again: " + again.err());
        StageResult after = StageResult.read(directResult);
        assertEquals(before.dice3dMean(), after.dice3dMean(), 1e-12);
        assertEquals(before.epochsRun(), after.epochsRun());
        assertEquals(before.snnEnergyNj(), after.snnEnergyNj(), 1e-9);
        assertTrue(after.seconds() >= before.seconds() * 0.5, "the training time is counted: " + after.seconds());
        Files.delete(directResult);
        Files.delete(out.resolve("fold-0/bce-dice/direct.zip"));
        var retrained = crossval(out);
        assertEquals(0, retrained.code(), retrained.err());
        assertTrue(retrained.err().contains("epoch 1/") && !retrained.err().contains("trained before"), retrained.err());
        assertEquals(before.dice3dMean(), StageResult.read(directResult).dice3dMean(), 1e-12, "seeded: trained the same again");
        assertEquals(csv.size(), Files.readAllLines(out.resolve("report/results.csv")).size());

        // results are not mixed across protocols
        var other = CommandLineTest.run("crossval", "--data", "test-data", "--folds", "2", "--losses", "bce", "--protocol", "small",
                "--ann-epochs", "5", "--out", out.toString());
        assertEquals(2, other.code());
        assertTrue(other.err().contains("holds an experiment with other settings"), other.err());
    }

    @Test
    void badGridsFailClearly() {
        var folds = CommandLineTest.run("crossval", "--data", "test-data", "--folds", "9", "--out", tmp.resolve("x").toString());
        assertEquals(2, folds.code());
        assertTrue(folds.err().contains("4 cases cannot make 9 folds"), folds.err());
        var loss = CommandLineTest.run("crossval", "--data", "test-data", "--losses", "hinge", "--out", tmp.resolve("x").toString());
        assertEquals(2, loss.code());
        assertTrue(loss.err().contains("'hinge' is not a loss"), loss.err());
        var report = CommandLineTest.run("crossval", "--report-only", "--out", tmp.resolve("empty").toString());
        assertEquals(2, report.code());
        assertTrue(report.err().contains("no results"), report.err());
    }
}
