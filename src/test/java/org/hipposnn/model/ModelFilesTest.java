package org.hipposnn.model;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.hipposnn.ann.AnnPredictor;
import org.hipposnn.data.Preprocessing;
import org.hipposnn.engine.Backend;
import org.hipposnn.engine.UNet;
import org.hipposnn.network.UNetSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

public class ModelFilesTest {
    @TempDir
    Path tmp;

    static final UNetSpec SPEC = UNetSpec.of(56, 48, 4);

    @BeforeAll
    static void start() {
        Backend.start(2);
    }

    public static ModelBundle bundle(long seed) {
        var training = new com.google.gson.JsonObject();
        training.addProperty("note", "made by a test");
        return new ModelBundle(ModelBundle.Kind.ANN, SPEC, Preprocessing.defaults(), new UNet(SPEC, seed).weights(),
                null, training, null);
    }

    @Test
    void aSavedModelReloadsToIdenticalPredictions() throws Exception {
        ModelBundle b = bundle(3);
        Path f = tmp.resolve("m.zip");
        ModelFiles.save(f, b);
        ModelBundle back = ModelFiles.load(f);
        assertEquals(b.network(), back.network());
        assertEquals(b.preprocessing(), back.preprocessing());
        assertEquals("made by a test", back.training().get("note").getAsString());
        float[] slices = new float[3 * 56 * 48];
        for (int i = 0; i < slices.length; i++) slices[i] = (i * 37 % 101) / 100f;
        float[] p1 = new AnnPredictor(SPEC, b.weights(), 2).probabilities(slices, 3, 56, 48);
        float[] p2 = new AnnPredictor(SPEC, back.weights(), 2).probabilities(slices, 3, 56, 48);
        assertArrayEquals(p1, p2);
    }

    @Test
    void spikingSettingsRoundTrip() throws Exception {
        ModelBundle ann = bundle(4);
        ModelBundle snn = new ModelBundle(ModelBundle.Kind.SNN, ann.network(), ann.preprocessing(), ann.weights(),
                new SpikingSettings(200, "poisson", Map.of("e1", 1.5, "e1b", 0.25)), null, null);
        Path f = tmp.resolve("snn.zip");
        ModelFiles.save(f, snn);
        assertEquals(snn.spiking(), ModelFiles.load(f).spiking());
    }

    @Test
    void aTruncatedBundleIsRefusedByName() throws Exception {
        Path f = tmp.resolve("cut.zip");
        ModelFiles.save(f, bundle(1));
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length / 2));
        assertRefused(f, "cut.zip");
    }

    @Test
    void aFlippedWeightByteIsCaught() throws Exception {
        Path f = tmp.resolve("flip.zip");
        ModelFiles.save(f, bundle(1));
        rewrite(f, (name, data) -> {
            if (name.equals("weights.bin")) data[100] ^= 0x40;
            return data;
        });
        assertRefused(f, "flip.zip", "checksum");
    }

    @Test
    void aNewerFormatIsRefusedWithAdvice() throws Exception {
        Path f = tmp.resolve("new.zip");
        ModelFiles.save(f, bundle(1));
        rewrite(f, (name, data) -> name.equals("model.json")
                ? new String(data, StandardCharsets.UTF_8).replace("\"formatVersion\": 1", "\"formatVersion\": 9").getBytes(StandardCharsets.UTF_8)
                : data);
        assertRefused(f, "new.zip", "newer Hippo SNN");
    }

    @Test
    void weightsThatDoNotFitTheNetworkAreRefused() throws Exception {
        Path f = tmp.resolve("shape.zip");
        ModelFiles.save(f, bundle(1));
        rewrite(f, (name, data) -> name.equals("model.json")
                ? new String(data, StandardCharsets.UTF_8).replace("\"baseWidth\": 4", "\"baseWidth\": 8").getBytes(StandardCharsets.UTF_8)
                : data);
        assertRefused(f, "shape.zip", "weights of e1");
    }

    @Test
    void anotherKindOfFileIsRefused() throws Exception {
        Path f = Files.writeString(tmp.resolve("notes.zip"), "not a zip at all");
        assertRefused(f, "notes.zip", "not a");
    }

    @Test
    void nonFiniteWeightsAreRefusedOnLoad() throws Exception {
        Path f = tmp.resolve("nan.zip");
        Map<String, INDArray> bad = new LinkedHashMap<>(bundle(2).weights());
        bad.put("e1", bad.get("e1").dup().putScalar(0, Float.NaN));
        ModelFiles.save(f, bundle(2).withWeights(bad));
        assertRefused(f, "nan.zip", "NaN");
        try (var s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary file left behind");
        }
    }

    interface Edit { byte[] apply(String name, byte[] data); }

    static void rewrite(Path zip, Edit edit) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) entries.put(e.getName(), in.readAllBytes());
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(edit.apply(e.getKey(), e.getValue()));
                out.closeEntry();
            }
        }
    }

    static void assertRefused(Path f, String... parts) {
        IOException e = assertThrows(IOException.class, () -> ModelFiles.load(f));
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + p + "' not in: " + e.getMessage());
    }
}
