package org.hipposnn.training;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.data.Preprocessing;
import org.hipposnn.engine.Backend;
import org.hipposnn.engine.Losses;
import org.hipposnn.engine.TrainableNetwork;
import org.hipposnn.engine.UNet;
import org.hipposnn.network.UNetSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The shared training loop on phantom slices with a tiny network: learning, resuming, failing. */
class TrainerTest {
    static SliceSet train, validation;
    static final UNetSpec SPEC = UNetSpec.of(56, 48, 8);

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws Exception {
        Backend.start(2);
        MsdDataset ds = MsdDataset.open(Path.of("test-data"));
        train = SliceSet.of(ds.cases().subList(0, 1), Preprocessing.defaults());
        validation = SliceSet.of(ds.cases().subList(2, 3), Preprocessing.defaults());
    }

    static TrainingSettings settings(int epochs) {
        return new TrainingSettings(Losses.Kind.BCE_DICE, epochs, 8, 3e-3, 5, 0.1, 10, 0, null, 0);
    }

    @Test
    void trainingOnPhantomsLowersTheValidationLossAndKeepsTheBestEpoch() throws Exception {
        Trainer.Result r = new Trainer(new UNet(SPEC, 5), settings(4), null, null).fit(train, validation);
        assertEquals(4, r.history().size());
        double first = r.history().get(0).validationLoss(), best = r.bestValidationLoss();
        assertTrue(best < 0.9 * first, "validation loss " + first + " -> best " + best);
        assertEquals(best, r.history().get(r.bestEpoch() - 1).validationLoss());
    }

    @Test
    void anInterruptedRunResumesFromItsCheckpointToTheSameWeights() throws Exception {
        Trainer.Result straight = new Trainer(new UNet(SPEC, 5), settings(2), null, null).fit(train, validation);

        Path ckpt = tmp.resolve("run.checkpoint");
        TrainingListener stopInEpoch2 = new TrainingListener() {
            int batches;
            @Override public void batchDone(int epoch, int epochs, int batch, int n, double loss) { batches++; }
            @Override public boolean cancelled() { return batches > (train.size() + 7) / 8; }
        };
        Trainer.Result cut = new Trainer(new UNet(SPEC, 5), settings(2), ckpt, stopInEpoch2).fit(train, validation);
        assertTrue(cut.cancelled());
        assertEquals(1, cut.history().size());
        assertTrue(Files.exists(ckpt));

        UNet fresh = new UNet(SPEC, 99); // other initial weights: everything must come from the checkpoint
        Trainer.Result resumed = new Trainer(fresh, settings(2), ckpt, null).fit(train, validation);
        assertEquals(2, resumed.history().size());
        assertEquals(straight.history().get(1).validationLoss(), resumed.history().get(1).validationLoss(), 1e-5);
        for (String k : straight.bestWeights().keySet()) {
            INDArray a = straight.bestWeights().get(k), b = resumed.bestWeights().get(k);
            assertTrue(a.equalsWithEps(b, 1e-5), "weights of " + k + " differ after resuming");
        }
    }

    @Test
    void warmUpEpochsTrainWithTheWarmUpLossAndAreScoredWithTheRunsOwn() throws Exception {
        TrainingSettings bce = new TrainingSettings(Losses.Kind.BCE, 2, 8, 3e-3, 5, 0.1, 10, 1, Losses.Kind.BCE_DICE, 0);
        Trainer.Result warm = new Trainer(new UNet(SPEC, 5), bce, null, null).fit(train, validation);
        Trainer.Result bceDice = new Trainer(new UNet(SPEC, 5), settings(1), null, null).fit(train, validation);
        Trainer.Result plain = new Trainer(new UNet(SPEC, 5), new TrainingSettings(Losses.Kind.BCE, 1, 8, 3e-3, 5, 0.1, 10, 0, null, 0),
                null, null).fit(train, validation);
        // epoch 1 is BCE-Dice's epoch 1 (same steps), validated with BCE as the plain BCE run is
        assertEquals(bceDice.history().get(0).trainLoss(), warm.history().get(0).trainLoss(), 1e-6);
        assertNotEquals(plain.history().get(0).trainLoss(), warm.history().get(0).trainLoss(), 1e-3);
        assertNotEquals(bceDice.history().get(0).validationLoss(), warm.history().get(0).validationLoss(), 1e-3);
        assertThrows(IllegalArgumentException.class, () -> new TrainingSettings(Losses.Kind.BCE, 2, 8, 3e-3, 5, 0.1, 10, 1, null, 0));
        assertNull(new TrainingSettings(Losses.Kind.BCE, 2, 8, 3e-3, 5, 0.1, 10, 0, Losses.Kind.DICE, 0).warmupLoss());
    }

    @Test
    void aCheckpointFromOtherSettingsIsNotResumed() throws Exception {
        Path ckpt = tmp.resolve("other.checkpoint");
        new Trainer(new UNet(SPEC, 5), settings(1), ckpt, null).fit(train, validation);
        var e = assertThrows(IllegalStateException.class,
                () -> new Trainer(new UNet(SPEC, 5), settings(3), ckpt, null).fit(train, validation));
        assertTrue(e.getMessage().contains("other settings"), e.getMessage());
    }

    @Test
    void aNonFiniteLossStopsWithAClearMessage() {
        UNet real = new UNet(SPEC, 5);
        TrainableNetwork broken = new TrainableNetwork() {
            @Override public INDArray forward(INDArray x, boolean training) { return real.forward(x, training).assign(Double.NaN); }
            @Override public Map<String, INDArray> backward(INDArray g) { return real.backward(g); }
            @Override public Map<String, INDArray> weights() { return real.weights(); }
            @Override public void seedDropout(long seed) { real.seedDropout(seed); }
        };
        var e = assertThrows(Trainer.DivergedException.class,
                () -> new Trainer(broken, settings(1), null, null).fit(train, validation));
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("epoch 1"), e.getMessage());
    }
}
