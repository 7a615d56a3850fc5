package org.hipposnn.fiji;

import ij.measure.ResultsTable;
import java.util.List;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.network.LayerSpec;
import org.hipposnn.segment.SlicePredictor;
import org.hipposnn.snn.LayerSpikeStats;
import org.hipposnn.snn.SnnPredictor;
import org.hipposnn.snn.SpikeTable;

/**
 * The per-layer table that Segment Hippocampus (and Convert to SNN) returns. For an SNN: the spike
 * statistics of the simulation that made the segmentation, one row per weighted layer and a
 * {@code total} row, with the columns of the command line's spike CSV ({@link SpikeTable#COLUMNS}:
 * threshold, firing rate, spikes, input events, synaptic operations, the ANN's MACs, energy
 * estimates; per slice). For an ANN, which has no spikes: each layer's shape and its
 * multiply-accumulates per slice.
 */
final class LayerStatistics {

    private LayerStatistics() {}

    /** The spike table when {@code predictor} simulated an SNN, otherwise the bundle's MACs table. */
    static ResultsTable of(ModelBundle bundle, SlicePredictor predictor) {
        return predictor instanceof SnnPredictor snn ? spikes(snn.layerStats()) : macs(bundle);
    }

    /** The layers and their total, as {@link SpikeTable#writeCsv} writes them (empty cells: NaN). */
    static ResultsTable spikes(List<LayerSpikeStats> layers) {
        ResultsTable t = new ResultsTable();
        for (LayerSpikeStats s : layers) addRow(t, s);
        addRow(t, SpikeTable.total(layers));
        return t;
    }

    private static void addRow(ResultsTable t, LayerSpikeStats s) {
        t.incrementCounter();
        Object[] v = SpikeTable.row(s);
        for (int i = 0; i < v.length; i++) {
            String column = SpikeTable.COLUMNS.get(i);
            if (v[i] instanceof Number n) t.addValue(column, n.doubleValue());
            else t.addValue(column, String.valueOf(v[i]));
        }
    }

    static ResultsTable macs(ModelBundle bundle) {
        ResultsTable t = new ResultsTable();
        for (LayerSpec l : bundle.network().layers()) {
            t.incrementCounter();
            t.addValue("layer", l.name());
            t.addValue("kind", l.kind().name());
            t.addValue("out_channels", l.outChannels());
            t.addValue("out_height", l.outH());
            t.addValue("out_width", l.outW());
            t.addValue("macs_per_slice", l.macs());
        }
        return t;
    }
}
