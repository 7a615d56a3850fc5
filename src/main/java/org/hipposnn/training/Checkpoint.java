package org.hipposnn.training;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.hipposnn.io.AtomicFiles;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The whole state of a training run after an epoch, so an interrupted run continues where it
 * stopped: weights, Adam's moments, the scheduler, the best weights so far and the history.
 * A zip of {@code state.json} and one {@code .npy} per array; written atomically, so a crash
 * mid-write leaves the previous checkpoint intact.
 */
record Checkpoint(JsonObject settings, int epoch, double learningRate, int adamSteps, double plateauBest,
                  int plateauBadEpochs, int bestEpoch, double bestLoss, List<EpochRecord> history,
                  Map<String, INDArray> weights, Map<String, INDArray> adamFirst, Map<String, INDArray> adamSecond,
                  Map<String, INDArray> bestWeights) {

    private static final Gson GSON = new com.google.gson.GsonBuilder().serializeSpecialFloatingPointValues().create();

    /** Plain-data view of the scalar state (arrays go in their own entries). */
    private record State(JsonObject settings, int epoch, double learningRate, int adamSteps, double plateauBest,
                         int plateauBadEpochs, int bestEpoch, double bestLoss, List<EpochRecord> history) {}

    void save(Path file) throws IOException {
        State s = new State(settings, epoch, learningRate, adamSteps, plateauBest, plateauBadEpochs, bestEpoch,
                bestLoss, history);
        AtomicFiles.writeStream(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry("state.json"));
            zip.write(GSON.toJson(s).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            put(zip, "weights/", weights);
            put(zip, "adam-m/", adamFirst);
            put(zip, "adam-v/", adamSecond);
            put(zip, "best/", bestWeights);
            zip.finish();
        });
    }

    private static void put(ZipOutputStream zip, String folder, Map<String, INDArray> arrays) throws IOException {
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            zip.putNextEntry(new ZipEntry(folder + e.getKey() + ".npy"));
            zip.write(Nd4j.toNpyByteArray(e.getValue()));
            zip.closeEntry();
        }
    }

    static Checkpoint load(Path file) throws IOException {
        State s = null;
        Map<String, Map<String, INDArray>> arrays = new LinkedHashMap<>();
        for (String f : List.of("weights/", "adam-m/", "adam-v/", "best/")) arrays.put(f, new LinkedHashMap<>());
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String n = e.getName();
                if (n.equals("state.json")) {
                    s = GSON.fromJson(JsonParser.parseString(new String(zip.readAllBytes(), StandardCharsets.UTF_8)), State.class);
                    continue;
                }
                int slash = n.indexOf('/');
                Map<String, INDArray> target = slash < 0 ? null : arrays.get(n.substring(0, slash + 1));
                if (target != null && n.endsWith(".npy")) {
                    target.put(n.substring(slash + 1, n.length() - 4), Nd4j.createNpyFromByteArray(zip.readAllBytes()));
                }
            }
        } catch (ZipException | java.io.EOFException | RuntimeException e) {
            throw new IOException(file.getFileName() + ": checkpoint is damaged (" + e.getMessage()
                    + "); delete it to start over", e);
        }
        if (s == null) throw new IOException(file.getFileName() + ": checkpoint has no state.json; delete it to start over");
        return new Checkpoint(s.settings, s.epoch, s.learningRate, s.adamSteps, s.plateauBest, s.plateauBadEpochs,
                s.bestEpoch, s.bestLoss, s.history, arrays.get("weights/"), arrays.get("adam-m/"),
                arrays.get("adam-v/"), arrays.get("best/"));
    }
}
