package org.hipposnn.fiji;

import ij.measure.ResultsTable;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.network.LayerSpec;

/**
 * The per-layer table that Segment Hippocampus returns. For now it lists each layer of the model
 * with its shape and its multiply-accumulates per slice (what an ANN costs); the spike statistics
 * of the SNN (threshold, firing rate, spikes, synaptic operations, energy estimate, the columns of
 * the command line's CSV) are added here when the SNN stages are merged.
 */
final class LayerStatistics {

    private LayerStatistics() {}

    static ResultsTable of(ModelBundle bundle) {
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
