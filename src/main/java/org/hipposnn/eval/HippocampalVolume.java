package org.hipposnn.eval;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/** The volume of a segmentation in mm³: what clinicians read off it. */
public final class HippocampalVolume {

    private HippocampalVolume() {}

    /** Foreground voxels (value &gt; 0) times the voxel volume, voxel size in mm per axis. */
    public static double mm3(RandomAccessibleInterval<? extends RealType<?>> labels, double[] voxelSize) {
        if (voxelSize.length < labels.numDimensions()) {
            throw new IllegalArgumentException("voxel size has " + voxelSize.length
                    + " entries for a " + labels.numDimensions() + "-D image");
        }
        double voxel = 1;
        for (int d = 0; d < labels.numDimensions(); d++) {
            voxel *= Math.abs(voxelSize[d]);
        }
        long n = 0;
        for (RealType<?> v : Views.iterable(labels)) {
            if (v.getRealDouble() > 0) n++;
        }
        return n * voxel;
    }
}
