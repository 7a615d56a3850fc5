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

    private CommandLineTest.Run crossval(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("crossval"));
        args.addAll(List.of(GRID));
        if (List.of(more).contains("--losses")) args.subList(args.indexOf("--losses"), args.indexOf("--losses") + 2).clear(); // a list option adds up
        args.addAll(List.of("--out", out.toString()));
        args.addAll(List.of(more));
        return CommandLineTest.run(args.toArray(String[]::new));
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

        // bundles made elsewhere (here: this grid's, copied into a folder with no result files) are adopted:
        // every stage scored, none trained again, the same scores
        Path adopted = tmp.resolve("adopted");
        List<String> stages = List.of("ann", "converted", "fine-tuned", "direct");
        for (String stage : stages) {
            Path to = adopted.resolve("fold-0/bce-dice/" + stage + ".zip");
            Files.createDirectories(to.getParent());
            Files.copy(out.resolve("fold-0/bce-dice/" + stage + ".zip"), to);
        }
        // the ANN as a build before 10acc0a wrote it (its warm-up field named bceWarmupEpochs)
        try (var zip = java.nio.file.FileSystems.newFileSystem(adopted.resolve("fold-0/bce-dice/ann.zip"))) {
            Path json = zip.getPath("model.json");
            String old = Files.readString(json);
            assertTrue(old.contains("\"warmupEpochs\""), old);
            Files.writeString(json, old.replace("\"warmupEpochs\"", "\"bceWarmupEpochs\""));
        }
        var adopt = crossval(adopted, "--fold", "0", "--losses", "bce-dice");
        assertEquals(0, adopt.code(), adopt.err());
        assertEquals(4, adopt.err().lines().filter(l -> l.contains("before (its result file is missing)")).count(), adopt.err());
        assertFalse(adopt.err().contains("epoch 1/") || adopt.err().contains("converting ("), "nothing trained or converted: " + adopt.err());
        for (org.hipposnn.experiment.Stage stage : org.hipposnn.experiment.Stage.values()) {
            StageResult mine = StageResult.read(StageResult.file(adopted, 0, "bce-dice", stage));
            StageResult grid = StageResult.read(StageResult.file(out, 0, "bce-dice", stage));
            assertEquals(grid.dice3dMean(), mine.dice3dMean(), 1e-12, stage.id());
            assertEquals(grid.convergenceEpoch(), mine.convergenceEpoch(), stage.id());
            assertEquals(grid.dice3dByT(), mine.dice3dByT(), stage.id());
        }
        // a bundle recording other settings (the BCE ANN where the BCE-Dice one belongs) is refused, and kept
        Path mixed = tmp.resolve("mixed").resolve("fold-0/bce-dice/ann.zip");
        Files.createDirectories(mixed.getParent());
        Files.copy(out.resolve("fold-0/bce/ann.zip"), mixed);
        byte[] kept = Files.readAllBytes(mixed);
        var refused = crossval(tmp.resolve("mixed"), "--fold", "0", "--losses", "bce-dice", "--stages", "ann");
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains(mixed + " is not this job's model: its training.settings is"), refused.err());
        assertArrayEquals(kept, Files.readAllBytes(mixed), "the bundle is left as it was");

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
