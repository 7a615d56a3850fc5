package org.hipposnn.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hipposnn.data.DataSplit;
import org.hipposnn.data.MsdDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The named protocols, their overrides, and the training-subject subset a grid's jobs all train on. */
class ProtocolTest {
    @TempDir
    Path tmp;

    @Test
    void namedProtocolsAndOverrides() throws Exception {
        assertEquals(Protocol.quick(), Protocol.named(" Quick "));
        assertEquals(48, Protocol.quick().trainSubjects());
        assertEquals(0, Protocol.paper().trainSubjects(), "the paper trains on all of a fold's training subjects");
        assertEquals(10, Protocol.paper().snnEarlyStop(), "the paper's SNN runs stop once converged (METHOD.md)");
        assertTrue(Protocol.paper().toString().contains("(both stop after 10 epochs without improvement)"), Protocol.paper().toString());
        Protocol all = Protocol.quick().withTrainSubjects(0);
        assertEquals(0, all.trainSubjects());
        assertNotEquals(Protocol.quick(), all, "a grid's experiment.json tells the two apart");
        assertEquals(Protocol.quick().width(), all.width());
        assertTrue(Protocol.quick().toString().contains("trained on 48 subjects per fold"), Protocol.quick().toString());
        assertTrue(all.toString().contains("all of a fold's training subjects"), all.toString());
        assertThrows(IllegalArgumentException.class, () -> Protocol.quick().withTrainSubjects(-1));
        // quick-t20 changes only what fine-tuning and direct training read, so both grids share ANN and conversion settings
        Protocol t20 = Protocol.named("quick-t20");
        assertEquals(20, t20.fineTuneT());
        assertEquals(1e-3, t20.fineTuneLr());
        assertEquals(2, t20.snnPatience());
        assertEquals(Protocol.RATHI_LR, Protocol.quick().fineTuneLr());
        assertEquals(10, Protocol.quick().snnPatience());
        for (String f : java.util.List.of("annEpochs", "annEarlyStop", "width", "conversionT", "conversionCurve", "conversionSlices",
                "testSubjects", "batch", "trainSubjects")) {
            assertEquals(Protocol.quick().toJson().get(f), t20.toJson().get(f), f);
        }
        assertTrue(t20.toString().contains("at T = 20, Adam 0.001"), t20.toString());
        // quick-t20-decay too; and its scheduler drops the rate (after patience + 1 bad epochs) before the run stops
        Protocol decay = Protocol.named("quick-t20-decay");
        for (String f : java.util.List.of("annEpochs", "annEarlyStop", "width", "conversionT", "conversionCurve", "conversionSlices",
                "testSubjects", "batch", "trainSubjects", "fineTuneT", "fineTuneLr", "directT")) {
            assertEquals(t20.toJson().get(f), decay.toJson().get(f), f);
        }
        assertTrue(decay.snnPatience() + 1 < decay.snnEarlyStop(), "at least one epoch at the lower rate");
        assertFalse(t20.snnPatience() + 1 < t20.snnEarlyStop(), "quick-t20 stopped before its rate dropped");
        // the BCE warm-up is quick-t20-decay's alone, and protocols without one write the experiment.json they always did
        assertEquals(1, decay.snnWarmup());
        assertTrue(decay.toJson().has("snnWarmup") && decay.toString().contains("BCE runs start with 1 epoch(s) of BCE-Dice"), decay.toString());
        for (String name : java.util.List.of("paper", "reduced", "quick", "quick-t20", "small")) {
            assertEquals(0, Protocol.named(name).snnWarmup(), name);
            assertFalse(Protocol.named(name).toJson().has("snnWarmup"), name);
        }
        // quick-t20-constant is quick-t20-decay with constant-current input: every other setting equal; Poisson protocols omit "encoder"
        Protocol constant = Protocol.named("quick-t20-constant");
        assertEquals("constant", constant.encoder());
        var c = constant.toJson();
        c.remove("encoder");
        c.addProperty("name", decay.name());
        assertEquals(decay.toJson(), c);
        assertTrue(constant.toString().contains("constant-current input"), constant.toString());
        for (String name : java.util.List.of("paper", "reduced", "quick", "quick-t20", "quick-t20-decay")) {
            assertEquals("poisson", Protocol.named(name).encoder(), name);
            assertFalse(Protocol.named(name).toJson().has("encoder"), name);
        }
        assertEquals(constant, new com.google.gson.Gson().fromJson(constant.toJson(), Protocol.class), "read back from experiment.json");
        assertEquals("constant", constant.withTestSubjects(3).withEpochs(1, 2, 3).encoder(), "the copies keep every setting");
        assertEquals(3, constant.withTestSubjects(3).testSubjects());
        Path bad = tmp.resolve("bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("experiment.json"), constant.toJson().toString().replace("\"constant\"", "\"rate\""));
        var enc = assertThrows(java.io.IOException.class, () -> CrossValidation.protocolOf(bad));
        assertTrue(enc.getMessage().contains("experiment.json") && enc.getMessage().contains("unknown input encoder 'rate'"), enc.getMessage());
        assertEquals(t20, new com.google.gson.Gson().fromJson(t20.toJson(), Protocol.class), "read back from experiment.json");
        assertEquals(decay, new com.google.gson.Gson().fromJson(decay.toJson(), Protocol.class), "read back from experiment.json");
        // recipe: the single-step commands of docs/results/shipped-recipe-folds.md as one grid job per (fold, loss, stage)
        Protocol recipe = Protocol.named("recipe");
        assertEquals(Protocol.paper().width(), recipe.width(), "full size");
        assertEquals(0, recipe.trainSubjects());
        assertEquals(0, recipe.testSubjects(), "every test subject");
        assertEquals(40, recipe.annEpochs());
        assertEquals(12, recipe.annEarlyStop());
        assertEquals("constant", recipe.encoder());
        assertEquals(20, recipe.fineTuneT());
        assertEquals(recipe.fineTuneT(), recipe.conversionT(), "the converted SNN is judged at the fine-tuned latency");
        assertEquals(1, recipe.fineTuneEpochs());
        assertEquals(1e-3, recipe.fineTuneLr());
        assertEquals(recipe.fineTuneEpochs(), recipe.directEpochs(), "the direct baseline gets the same budget");
        assertEquals(recipe.fineTuneT(), recipe.directT());
        assertEquals(0, recipe.snnWarmup());
        assertEquals(recipe, new com.google.gson.Gson().fromJson(recipe.toJson(), Protocol.class), "read back from experiment.json");
        assertTrue(recipe.toString().contains("fine-tuning 1 epochs at T = 20, Adam 0.001"), recipe.toString());
        // convergence: the settings pair.sh ran with the single-step commands (docs/results/convergence-fold0.md),
        // so its bundles are this protocol's jobs; fine-tuning and direct training stop only once converged
        Protocol conv = Protocol.named("convergence");
        assertEquals(16, conv.width());
        assertEquals(24, conv.trainSubjects());
        assertEquals(0, conv.testSubjects(), "every test subject");
        assertEquals(100, conv.annEpochs());
        assertEquals(10, conv.annEarlyStop());
        assertEquals("constant", conv.encoder());
        assertEquals(20, conv.conversionT());
        assertEquals(20, conv.fineTuneT());
        assertEquals(20, conv.directT());
        assertEquals(60, conv.fineTuneEpochs());
        assertEquals(150, conv.directEpochs());
        assertEquals(1e-3, conv.fineTuneLr());
        assertEquals(conv.snnPatience(), conv.snnEarlyStop(), "a run stopped early has converged by the scheduler's patience");
        assertEquals(10, conv.snnPatience());
        assertEquals(conv, new com.google.gson.Gson().fromJson(conv.toJson(), Protocol.class), "read back from experiment.json");
        // small (the demo): the recipe's SNN settings on a tiny network
        Protocol small = Protocol.named("small");
        for (String f : java.util.List.of("encoder", "fineTuneT", "conversionT", "directT", "fineTuneLr")) {
            assertEquals(recipe.toJson().get(f), small.toJson().get(f), f);
        }
        assertEquals(8, small.width());
        var e = assertThrows(IllegalArgumentException.class, () -> Protocol.named("fast"));
        assertTrue(e.getMessage().contains("quick") && e.getMessage().contains("recipe"), e.getMessage());
    }

    @Test
    void everyJobOfAFoldTrainsOnTheSameSubsetAndIsScoredOnTheSameSubjects() throws Exception {
        Path root = tmp.resolve("msd");
        Files.createDirectories(root.resolve("imagesTr"));
        Files.createDirectories(root.resolve("labelsTr"));
        for (int i = 0; i < 100; i++) { // the split only lists the files
            String name = String.format("hippocampus_%03d.nii.gz", i);
            Files.createFile(root.resolve("imagesTr").resolve(name));
            Files.createFile(root.resolve("labelsTr").resolve(name));
        }
        MsdDataset data = MsdDataset.open(root);
        DataSplit subset = new CrossValidation(data, tmp.resolve("cv"), 5, 42, Protocol.quick()).split(1);
        DataSplit full = new CrossValidation(data, tmp.resolve("cv2"), 5, 42, Protocol.quick().withTrainSubjects(0)).split(1);
        assertEquals(48, subset.train().size());
        assertTrue(full.train().containsAll(subset.train()));
        assertEquals(full.validation(), subset.validation());
        assertEquals(full.test(), subset.test());
        assertEquals(subset, new CrossValidation(data, tmp.resolve("cv3"), 5, 42, Protocol.quick()).split(1), "seeded: the same subset");
    }
}
