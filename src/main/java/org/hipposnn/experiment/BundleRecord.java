package org.hipposnn.experiment;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.hipposnn.model.ModelBundle;

/**
 * How a model bundle says it was made (its model.json: network, spiking, training), read with today's
 * field names and looked up by dotted path ("training.split"): what crossval compares with the record a
 * job would write, to tell a finished bundle of its own from one made another way.
 */
final class BundleRecord {
    private static final Gson GSON = new Gson();
    private final JsonObject record = new JsonObject();

    BundleRecord(ModelBundle b) {
        record.add("network", GSON.toJsonTree(b.network()));
        if (b.spiking() != null) record.add("spiking", GSON.toJsonTree(b.spiking()));
        record.add("training", legacy(b.training()));
    }

    /** The element at a dotted path, JsonNull when absent (so a field absent from two records compares equal). */
    JsonElement at(String path) {
        JsonElement e = record;
        for (String key : path.split("\\.")) {
            if (!(e instanceof JsonObject j) || !j.has(key)) return JsonNull.INSTANCE;
            e = j.get(key);
        }
        return e;
    }

    /**
     * Bundles of builds before 10acc0a (2026-11-30; e.g. the fold-0 ANN of docs/results/bundles/convergence/)
     * call "warmupEpochs" "bceWarmupEpochs"; with no warm-up (0) the two mean the same, so only that case is renamed.
     */
    private static JsonObject legacy(JsonObject training) {
        JsonObject t = training.deepCopy();
        List<JsonObject> settings = new ArrayList<>();
        if (t.get("settings") instanceof JsonObject s) settings.add(s);
        for (Stage stage : List.of(Stage.FINE_TUNED, Stage.DIRECT)) {
            if (t.get(stage.id()) instanceof JsonObject o && o.get("settings") instanceof JsonObject s) settings.add(s);
        }
        for (JsonObject s : settings) {
            if (s.has("bceWarmupEpochs") && !s.has("warmupEpochs") && s.get("bceWarmupEpochs").getAsInt() == 0) {
                s.add("warmupEpochs", s.remove("bceWarmupEpochs"));
            }
        }
        return t;
    }
}
