package org.hipposnn.snn;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hipposnn.io.AtomicFiles;

/**
 * The per-layer spike statistics as a table (CSV for the command line, the same columns in Fiji's
 * results table, JSON in model bundles), with a total row: synaptic operations against the ANN's
 * multiply-accumulates and the energy estimate (0.9 pJ per accumulate, 4.6 pJ per MAC).
 */
public final class SpikeTable {
    public static final List<String> COLUMNS = List.of("layer", "threshold", "firing_rate", "spikes_per_slice",
            "input_events_per_slice", "synaptic_ops_per_slice", "ann_macs_per_slice", "snn_energy_nj_per_slice",
            "ann_energy_nj_per_slice");

    private SpikeTable() {}

    /** The row values, in {@link #COLUMNS} order (layer name first). */
    public static Object[] row(LayerSpikeStats s) {
        return new Object[] {s.layer(), s.threshold(), s.firingRate(), s.spikes(), s.inputEvents(), s.synapticOps(),
                s.annMacs(), s.snnEnergyPj() / 1000, s.annEnergyPj() / 1000};
    }

    /** The sum over layers: spikes, events, operations and energy (thresholds and rates left empty). */
    public static LayerSpikeStats total(List<LayerSpikeStats> layers) {
        double spikes = 0, events = 0, sops = 0, snnPj = 0, annPj = 0;
        long macs = 0;
        for (LayerSpikeStats s : layers) {
            spikes += s.spikes(); events += s.inputEvents(); sops += s.synapticOps();
            macs += s.annMacs(); snnPj += s.snnEnergyPj(); annPj += s.annEnergyPj();
        }
        return new LayerSpikeStats("total", Double.NaN, Double.NaN, spikes, events, sops, macs, snnPj, annPj);
    }

    public static void writeCsv(Path file, List<LayerSpikeStats> layers) throws IOException {
        StringBuilder b = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (LayerSpikeStats s : layers) b.append(line(s));
        b.append(line(total(layers)));
        AtomicFiles.writeStream(file, o -> o.write(b.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String line(LayerSpikeStats s) {
        StringBuilder b = new StringBuilder();
        for (Object v : row(s)) {
            if (b.length() > 0) b.append(',');
            b.append(v instanceof Double d ? (d.isNaN() ? "" : String.format(Locale.ROOT, "%.6g", d)) : v);
        }
        return b.append('\n').toString();
    }

    public static JsonObject toJson(List<LayerSpikeStats> layers) {
        JsonArray rows = new JsonArray();
        for (LayerSpikeStats s : layers) {
            JsonObject r = new JsonObject();
            Object[] v = row(s);
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (v[i] instanceof Number n) {
                    if (!Double.isNaN(n.doubleValue())) r.addProperty(COLUMNS.get(i), n);
                } else r.addProperty(COLUMNS.get(i), v[i].toString());
            }
            rows.add(r);
        }
        LayerSpikeStats t = total(layers);
        JsonObject j = new JsonObject();
        j.add("layers", rows);
        j.addProperty("synapticOpsPerSlice", t.synapticOps());
        j.addProperty("annMacsPerSlice", t.annMacs());
        j.addProperty("snnEnergyNjPerSlice", t.snnEnergyPj() / 1000);
        j.addProperty("annEnergyNjPerSlice", t.annEnergyPj() / 1000);
        j.addProperty("energyRatioAnnToSnn", t.annEnergyPj() / t.snnEnergyPj());
        return j;
    }
}
