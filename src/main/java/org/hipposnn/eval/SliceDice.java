package org.hipposnn.eval;

import java.util.ArrayList;
import java.util.List;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * The paper's 2-D slice-wise Dice: one score per slice along an axis. A slice whose ground truth
 * and prediction are both empty has no defined Dice; it is excluded and counted in
 * {@link Result#excluded()} (METHOD.md, "Metrics").
 */
public final class SliceDice {

    /** Scores of the slices that count, and how many slices were left out as empty on both sides. */
    public record Result(List<Double> scores, int excluded) {
        public Result plus(Result o) {
            List<Double> all = new ArrayList<>(scores);
            all.addAll(o.scores);
            return new Result(all, excluded + o.excluded);
        }
    }

    private SliceDice() {}

    public static Result compute(RandomAccessibleInterval<? extends RealType<?>> prediction,
                                 RandomAccessibleInterval<? extends RealType<?>> truth, int axis) {
        OverlapCounts.of(prediction, truth); // checks the grids before slicing
        List<Double> scores = new ArrayList<>();
        int excluded = 0;
        for (long i = prediction.min(axis); i <= prediction.max(axis); i++) {
            OverlapCounts c = OverlapCounts.of(Views.hyperSlice(prediction, axis, i),
                    Views.hyperSlice(truth, axis, i));
            if (c.defined()) {
                scores.add(c.dice());
            } else {
                excluded++;
            }
        }
        return new Result(scores, excluded);
    }
}
