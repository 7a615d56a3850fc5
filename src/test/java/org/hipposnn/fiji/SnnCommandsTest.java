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
import org.hipposnn.model.TinyBundles;
import org.hipposnn.network.LayerSpec;
import org.hipposnn.snn.SpikeTable;
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

/** Convert to SNN and Fine-tune SNN through a real headless SciJava context on the phantoms: width 4, T = 4, 1 epoch. */
class SnnCommandsTest {
    @TempDir
    static Path tmp;
    static Context ctx;
    static File ann, snn;
    static final List<String> statuses = new CopyOnWriteArrayList<>();
    static volatile CountDownLatch firstEpoch = new CountDownLatch(1), cancelled = new CountDownLatch(1);

    /** Listens as Fiji's status bar does. */
    public static class Events {
        @EventHandler
        public void onStatus(StatusEvent e) {
            String s = e.getStatusMessage();
            if (s != null) statuses.add(s);
            if (s != null && s.startsWith("Fine-tune SNN: epoch") && s.contains("validation Dice")) firstEpoch.countDown();
        }

        @EventHandler
        public void onCancel(ModuleCanceledEvent e) {
            cancelled.countDown();
        }
    }

    static final Events EVENTS = new Events();

    @BeforeAll
    static void setUp() throws Exception {
        org.hipposnn.engine.Backend.start(2);
        ann = tmp.resolve("ann.zip").toFile();
        ModelFiles.save(ann.toPath(), TinyBundles.annWithSplit(1, 1));
        snn = tmp.resolve("snn.zip").toFile();
        ModelFiles.save(snn.toPath(), TinyBundles.snn(1, 1, 4));
        ctx = context();
        ctx.service(EventService.class).subscribe(EVENTS);
    }

    @AfterAll
    static void tearDown() {
        ctx.dispose();
    }

    @Test
    void convertWritesAnSnnScoredOnTheAnnsTestFoldAlongTheCurve() throws Exception {
        File out = tmp.resolve("converted.zip").toFile();
        CommandModule m = run(ctx, ConvertToSnnCommand.class, "ann_model_file", ann, "data_dir", new File("test-data"),
                "time_steps", 4, "method", "weight-normalisation", "slices", 8, "curve", "2", "output_model_file", out);
        assertFalse(m.isCanceled(), m.getCancelReason());
        ModelBundle b = ModelFiles.load(out.toPath());
        assertEquals(ModelBundle.Kind.SNN, b.kind());
        assertEquals(4, b.spiking().timeSteps());
        assertFalse(b.spiking().thresholds().isEmpty());
        assertEquals(2, b.metrics().getAsJsonObject("test").get("subjects").getAsInt());
        double dice = (Double) m.getOutput("test_dice");
        assertTrue(dice >= 0 && dice <= 1, "test Dice " + dice);

        ResultsTable curve = (ResultsTable) m.getOutput("dice_by_time_steps");
        assertEquals(2, curve.size());
        assertEquals(2, curve.getValue("time_steps", 0));
        assertEquals(4, curve.getValue("time_steps", 1));
        assertEquals(dice, curve.getValue("dice3d_mean", 1), 1e-12);

        ResultsTable spikes = (ResultsTable) m.getOutput("layer_statistics");
        assertEquals(SpikeTable.COLUMNS, List.of(spikes.getHeadings()));
        assertEquals(b.network().layers().stream().filter(LayerSpec::hasWeights).count() + 1, spikes.size());
        assertEquals("total", spikes.getStringValue("layer", spikes.size() - 1));
        assertTrue(statuses.stream().anyMatch(s -> s.startsWith("Convert to SNN: scored")), statuses.toString());
    }

    @Test
    void fineTuneTrainsTheSnnAndReportsProgress() throws Exception {
        statuses.clear();
        File out = tmp.resolve("tuned.zip").toFile();
        CommandModule m = run(ctx, FineTuneSnnCommand.class, "snn_model_file", snn, "data_dir", new File("test-data"),
                "time_steps", 4, "epochs", 1, "lr", 1e-4, "loss", "bce", "bce_warmup", 1, "output_model_file", out);
        assertFalse(m.isCanceled(), m.getCancelReason());
        ModelBundle b = ModelFiles.load(out.toPath());
        assertEquals(ModelBundle.Kind.SNN, b.kind());
        assertEquals(4, b.spiking().timeSteps());
        assertEquals("fine-tuned", b.training().get("stage").getAsString());
        assertEquals(1, b.training().getAsJsonObject("fine-tuned").get("epochsRun").getAsInt());
        assertEquals("BCE_DICE", b.training().getAsJsonObject("fine-tuned").getAsJsonObject("settings").get("warmupLoss").getAsString());
        double dice = (Double) m.getOutput("test_dice");
        assertTrue(dice >= 0 && dice <= 1, "test Dice " + dice);
        assertFalse(Files.exists(tmp.resolve("tuned.zip.checkpoint")), "checkpoint left behind");
        assertTrue(statuses.stream().anyMatch(s -> s.contains("Fine-tune SNN: epoch 1/1") && s.contains("ETA")), statuses.toString());
    }

    @Test
    void cancellingFineTuningKeepsTheCheckpointAndWritesNoModel() throws Exception {
        firstEpoch = new CountDownLatch(1);
        cancelled = new CountDownLatch(1);
        File out = tmp.resolve("cancelled.zip").toFile();
        Future<CommandModule> f = ctx.service(CommandService.class).run(FineTuneSnnCommand.class, true, "snn_model_file", snn,
                "data_dir", new File("test-data"), "time_steps", 4, "epochs", 50, "lr", 1e-4, "loss", "bce", "output_model_file", out);
        assertTrue(firstEpoch.await(120, TimeUnit.SECONDS), "no epoch finished");
        f.cancel(true); // what cancelling a running command does: interrupt its thread
        assertTrue(cancelled.await(120, TimeUnit.SECONDS), "fine-tuning did not stop");
        assertFalse(out.exists(), "a cancelled run wrote a model");
        assertTrue(Files.exists(tmp.resolve("cancelled.zip.checkpoint")), "no checkpoint to resume from");
    }

    @Test
    void badInputsCancelWithClearMessages() throws Exception {
        File data = new File("test-data"), out = tmp.resolve("x.zip").toFile();
        assertCancelled(run(ctx, ConvertToSnnCommand.class, "ann_model_file", snn, "data_dir", data, "time_steps", 4,
                "slices", 4, "output_model_file", out), "conversion needs an ANN model");
        assertCancelled(run(ctx, ConvertToSnnCommand.class, "ann_model_file", ann, "data_dir", data, "time_steps", 4,
                "curve", "25,x", "output_model_file", out), "curve must list time steps");
        assertCancelled(run(ctx, ConvertToSnnCommand.class, "ann_model_file", tmp.resolve("none.zip").toFile(), "data_dir", data,
                "curve", "", "output_model_file", out), "none.zip"); // SciJava keeps the last value of an input not given

        assertCancelled(run(ctx, FineTuneSnnCommand.class, "snn_model_file", ann, "data_dir", data, "epochs", 1,
                "output_model_file", out), "fine-tuning needs an SNN model");
        assertCancelled(run(ctx, FineTuneSnnCommand.class, "snn_model_file", snn, "data_dir", tmp.toFile(), "epochs", 1,
                "output_model_file", out), "imagesTr");
        assertCancelled(run(ctx, FineTuneSnnCommand.class, "snn_model_file", snn, "data_dir", data, "epochs", 1, "loss", "dice",
                "bce_warmup", 1, "output_model_file", out), "the BCE-Dice warm-up is for the bce loss");
        assertFalse(out.exists());
    }

    private static void assertCancelled(CommandModule m, String expected) {
        assertTrue(m.isCanceled(), "not cancelled for " + expected);
        assertTrue(m.getCancelReason().contains(expected), m.getCancelReason());
    }
}
