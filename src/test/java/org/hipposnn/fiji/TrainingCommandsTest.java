package org.hipposnn.fiji;

import static org.hipposnn.fiji.FijiTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import ij.measure.ResultsTable;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.model.ModelFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.app.event.StatusEvent;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.module.event.ModuleCanceledEvent;

/** Train ANN and Cross-validate through a real headless SciJava context on the phantoms, width 4, 1 epoch. */
class TrainingCommandsTest {
    @TempDir
    static Path tmp;
    static Context ctx;
    static final List<String> statuses = new CopyOnWriteArrayList<>();
    static volatile CountDownLatch firstEpoch = new CountDownLatch(1), cancelled = new CountDownLatch(1);

    /** Listens as Fiji's status bar does. */
    public static class Events {
        @EventHandler
        public void onStatus(StatusEvent e) {
            if (e.getStatusMessage() != null) statuses.add(e.getStatusMessage());
            if (e.getStatusMessage() != null && e.getStatusMessage().contains("validation Dice")) firstEpoch.countDown();
        }

        @EventHandler
        public void onCancel(ModuleCanceledEvent e) {
            cancelled.countDown();
        }
    }

    static final Events EVENTS = new Events();

    @BeforeAll
    static void setUp() {
        org.hipposnn.engine.Backend.start(2);
        ctx = context();
        ctx.service(EventService.class).subscribe(EVENTS);
    }

    @AfterAll
    static void tearDown() {
        ctx.dispose();
    }

    @Test
    void trainAnnWritesABundleAndReportsProgress() throws Exception {
        statuses.clear();
        File out = tmp.resolve("ann.zip").toFile();
        CommandModule m = run(ctx, TrainAnnCommand.class, "data_dir", new File("test-data"), "loss", "bce", "epochs", 1,
                "fold", 1, "folds", 2, "width", 4, "model_file", out);
        assertFalse(m.isCanceled(), m.getCancelReason());
        ModelBundle b = ModelFiles.load(out.toPath());
        assertEquals(ModelBundle.Kind.ANN, b.kind());
        assertEquals(4, b.network().baseWidth());
        assertEquals(2, b.metrics().getAsJsonObject("test").get("subjects").getAsInt());
        double dice = (Double) m.getOutput("test_dice");
        assertTrue(dice >= 0 && dice <= 1, "test Dice " + dice);
        assertFalse(Files.exists(tmp.resolve("ann.zip.checkpoint")), "checkpoint left behind");
        assertTrue(statuses.stream().anyMatch(s -> s.contains("epoch 1/1") && s.contains("loss") && s.contains("ETA")), statuses.toString());
    }

    @Test
    void badTrainingInputsCancelWithClearMessages() throws Exception {
        CommandModule noData = run(ctx, TrainAnnCommand.class, "data_dir", tmp.toFile(), "epochs", 1,
                "model_file", tmp.resolve("x.zip").toFile());
        assertTrue(noData.isCanceled());
        assertTrue(noData.getCancelReason().contains("imagesTr"), noData.getCancelReason());
        CommandModule fold = run(ctx, TrainAnnCommand.class, "data_dir", new File("test-data"), "fold", 5, "folds", 2,
                "model_file", tmp.resolve("x.zip").toFile());
        assertTrue(fold.getCancelReason().contains("fold must be in 0..1"), fold.getCancelReason());
        CommandModule loss = run(ctx, TrainAnnCommand.class, "data_dir", new File("test-data"), "loss", "focal",
                "model_file", tmp.resolve("x.zip").toFile());
        assertTrue(loss.isCanceled());
        assertFalse(Files.exists(tmp.resolve("x.zip")));
    }

    @Test
    void cancellingTrainingKeepsTheCheckpointAndWritesNoModel() throws Exception {
        firstEpoch = new CountDownLatch(1);
        cancelled = new CountDownLatch(1);
        File out = tmp.resolve("cancelled.zip").toFile();
        Future<CommandModule> f = ctx.service(CommandService.class).run(TrainAnnCommand.class, true,
                "data_dir", new File("test-data"), "loss", "bce", "epochs", 50, "fold", 0, "folds", 2, "width", 4, "model_file", out);
        assertTrue(firstEpoch.await(120, TimeUnit.SECONDS), "no epoch finished");
        f.cancel(true); // what cancelling a running command does: interrupt its thread
        assertTrue(cancelled.await(120, TimeUnit.SECONDS), "training did not stop");
        assertFalse(out.exists(), "a cancelled run wrote a model");
        assertTrue(Files.exists(tmp.resolve("cancelled.zip.checkpoint")), "no checkpoint to resume from");
        assertTrue(statuses.stream().anyMatch(s -> s.contains("Canceling command: Train ANN") || s.contains("Command canceled")), statuses.toString());
    }

    @Test
    void crossValidateRunsTheGridAndWritesTheReport() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("cv"));
        CommandModule m = run(ctx, CrossValidateCommand.class, "data_dir", new File("test-data"), "output_dir", out.toFile(),
                "losses", "bce", "protocol", "small", "folds", 2, "ann_epochs", 2, "fine_tune_epochs", 1, "direct_epochs", 1,
                "direct", true);
        assertFalse(m.isCanceled(), m.getCancelReason());
        ResultsTable t = (ResultsTable) m.getOutput("results");
        assertEquals(2 * 4, t.size(), "2 folds x 4 stages");
        for (int row = 0; row < t.size(); row++) {
            assertEquals(2, t.getValue("test_subjects", row));
            double d = t.getValue("dice3d_mean", row);
            assertTrue(d >= 0 && d <= 1, "row " + row + " Dice " + d);
            assertTrue(java.util.List.of("yes", "no").contains(t.getStringValue("converged", row)), "row " + row);
        }
        assertTrue(((String) m.getOutput("table1")).contains("| bce | fine-tuned SNN (hybrid) | 20 | 2 |"));
        assertTrue(Files.exists(out.resolve("report/table1.md")));
        assertTrue(Files.exists(out.resolve("fold-1/bce/fine-tuned.zip")));
    }
}
