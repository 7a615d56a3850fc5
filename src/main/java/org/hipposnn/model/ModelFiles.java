package org.hipposnn.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.hipposnn.data.LabelMapping;
import org.hipposnn.data.Preprocessing;
import org.hipposnn.io.AtomicFiles;
import org.hipposnn.network.LayerSpec;
import org.hipposnn.network.UNetSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads and writes model bundles: a zip holding {@code model.json} (format version, network,
 * preprocessing, spiking settings, training settings, metrics, weight manifest with SHA-256) and
 * {@code weights.bin} (float32, little-endian, layers in node order). Loading checks every part
 * and names the file and the problem; saving is atomic.
 */
public final class ModelFiles {

    static final String FORMAT = "hippo-snn-model";
    static final String JSON = "model.json", WEIGHTS = "weights.bin";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    private ModelFiles() {}

    public static void save(Path file, ModelBundle bundle) throws IOException {
        byte[] weights = weightBytes(bundle);
        JsonObject json = toJson(bundle, weights);
        AtomicFiles.writeStream(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(JSON));
            zip.write(GSON.toJson(json).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(WEIGHTS));
            zip.write(weights);
            zip.closeEntry();
            zip.finish();
        });
    }

    public static ModelBundle load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "no such model file");
        byte[] jsonBytes = null, weights = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(JSON)) jsonBytes = zip.readAllBytes();
                else if (e.getName().equals(WEIGHTS)) weights = zip.readAllBytes();
            }
        } catch (ZipException | EOFException e) {
            throw new ModelFormatException(file, "not a readable model bundle (corrupt or truncated zip: " + e.getMessage() + ")", e);
        }
        if (jsonBytes == null || weights == null) {
            throw new ModelFormatException(file, "not a Hippo SNN model bundle (needs " + JSON + " and " + WEIGHTS
                    + "; corrupt, truncated or another kind of file)");
        }
        try {
            JsonObject json = JsonParser.parseString(new String(jsonBytes, StandardCharsets.UTF_8)).getAsJsonObject();
            return fromJson(file, json, weights);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NullPointerException e) {
            throw new ModelFormatException(file, "model.json is damaged or incomplete (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file, e.getMessage(), e);
        }
    }

    // ---- writing -------------------------------------------------------------------------------

    private static byte[] weightBytes(ModelBundle b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (INDArray w : b.weights().values()) {
            float[] v = w.castTo(DataType.FLOAT).dup('c').data().asFloat();
            ByteBuffer buf = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
            buf.asFloatBuffer().put(v);
            out.writeBytes(buf.array());
        }
        return out.toByteArray();
    }

    private static JsonObject toJson(ModelBundle b, byte[] weights) {
        JsonObject j = new JsonObject();
        j.addProperty("format", FORMAT);
        j.addProperty("formatVersion", ModelBundle.FORMAT_VERSION);
        j.addProperty("kind", b.kind().name());
        j.add("network", GSON.toJsonTree(b.network()));
        JsonObject p = new JsonObject();
        p.add("cropSize", GSON.toJsonTree(b.preprocessing().cropSize()));
        p.addProperty("axis", b.preprocessing().axis());
        p.addProperty("lowPercentile", b.preprocessing().lowPercentile());
        p.addProperty("highPercentile", b.preprocessing().highPercentile());
        p.addProperty("labels", b.preprocessing().labels().name());
        j.add("preprocessing", p);
        if (b.spiking() != null) j.add("spiking", GSON.toJsonTree(b.spiking()));
        j.add("training", b.training());
        j.add("metrics", b.metrics());
        JsonObject w = new JsonObject();
        w.addProperty("file", WEIGHTS);
        w.addProperty("dtype", "float32");
        w.addProperty("byteOrder", "little-endian");
        JsonArray layers = new JsonArray();
        for (Map.Entry<String, INDArray> e : b.weights().entrySet()) {
            JsonObject l = new JsonObject();
            l.addProperty("name", e.getKey());
            l.add("shape", GSON.toJsonTree(e.getValue().shape()));
            layers.add(l);
        }
        w.add("layers", layers);
        w.addProperty("sha256", sha256(weights));
        j.add("weights", w);
        return j;
    }

    // ---- reading -------------------------------------------------------------------------------

    private static ModelBundle fromJson(Path file, JsonObject j, byte[] weights) throws ModelFormatException {
        if (!FORMAT.equals(string(j, "format"))) {
            throw new ModelFormatException(file, "not a Hippo SNN model bundle (format is '" + string(j, "format") + "')");
        }
        int version = j.get("formatVersion").getAsInt();
        if (version > ModelBundle.FORMAT_VERSION) {
            throw new ModelFormatException(file, "bundle format version " + version + " was written by a newer Hippo SNN"
                    + " (this one reads up to " + ModelBundle.FORMAT_VERSION + "); update the plugin");
        }
        if (version < 1) throw new ModelFormatException(file, "bad bundle format version " + version);
        ModelBundle.Kind kind = ModelBundle.Kind.valueOf(string(j, "kind"));
        UNetSpec network = GSON.fromJson(j.get("network"), UNetSpec.class);
        network = new UNetSpec(network.height(), network.width(), network.baseWidth(), network.depth(),
                network.kernel(), network.dropout()); // runs the validation Gson skips
        JsonObject p = j.getAsJsonObject("preprocessing");
        Preprocessing pre = new Preprocessing(GSON.fromJson(p.get("cropSize"), long[].class), p.get("axis").getAsInt(),
                p.get("lowPercentile").getAsDouble(), p.get("highPercentile").getAsDouble(),
                LabelMapping.valueOf(string(p, "labels")));
        int[] shape = pre.sliceShape();
        if (shape[1] != network.height() || shape[2] != network.width()) {
            throw new ModelFormatException(file, "preprocessing makes " + shape[1] + "x" + shape[2]
                    + " slices but the network takes " + network.height() + "x" + network.width());
        }
        SpikingSettings spiking = j.has("spiking") ? GSON.fromJson(j.get("spiking"), SpikingSettings.class) : null;
        if (spiking != null) {
            spiking = new SpikingSettings(spiking.timeSteps(), spiking.encoder(), spiking.thresholds());
        }
        JsonObject w = j.getAsJsonObject("weights");
        if (!sha256(weights).equals(string(w, "sha256"))) {
            throw new ModelFormatException(file, "weights.bin does not match its checksum (damaged file)");
        }
        Map<String, INDArray> arrays = readWeights(file, network, w.getAsJsonArray("layers"), weights);
        return new ModelBundle(kind, network, pre, arrays, spiking,
                j.has("training") ? j.getAsJsonObject("training") : null,
                j.has("metrics") ? j.getAsJsonObject("metrics") : null);
    }

    private static Map<String, INDArray> readWeights(Path file, UNetSpec network, JsonArray manifest, byte[] bytes)
            throws ModelFormatException {
        Map<String, long[]> listed = new LinkedHashMap<>();
        for (JsonElement e : manifest) {
            JsonObject l = e.getAsJsonObject();
            listed.put(string(l, "name"), GSON.fromJson(l.get("shape"), long[].class));
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (LayerSpec layer : network.layers()) {
            if (!layer.hasWeights()) continue;
            long[] shape = listed.remove(layer.name());
            if (shape == null) throw new ModelFormatException(file, "no weights for layer " + layer.name());
            if (!java.util.Arrays.equals(shape, layer.weightShape())) {
                throw new ModelFormatException(file, "weights of " + layer.name() + " are " + java.util.Arrays.toString(shape)
                        + " but the network needs " + java.util.Arrays.toString(layer.weightShape()));
            }
            int n = (int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            if (buf.remaining() < 4 * n) throw new ModelFormatException(file, "weights.bin is truncated at layer " + layer.name());
            float[] v = new float[n];
            buf.asFloatBuffer().get(v);
            buf.position(buf.position() + 4 * n);
            for (float x : v) {
                if (!Float.isFinite(x)) throw new ModelFormatException(file, "weights of " + layer.name() + " contain " + x);
            }
            out.put(layer.name(), Nd4j.create(v, shape, 'c'));
        }
        if (!listed.isEmpty()) throw new ModelFormatException(file, "weights for unknown layers " + listed.keySet());
        if (buf.hasRemaining()) throw new ModelFormatException(file, "weights.bin has " + buf.remaining() + " bytes too many");
        return out;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) throw new IllegalStateException("'" + key + "' is missing");
        return e.getAsString();
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

}
