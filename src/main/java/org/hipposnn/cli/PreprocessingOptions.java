package org.hipposnn.cli;

import org.hipposnn.data.CropBox;
import org.hipposnn.data.IntensityNormalizer;
import org.hipposnn.data.LabelMapping;
import org.hipposnn.data.Preprocessing;
import picocli.CommandLine.Option;

/** Crop box, slicing axis and normalisation for training (segmentation takes them from the model). */
final class PreprocessingOptions {
    @Option(names = "--crop", split = ",", description = "Crop box size in voxels (default 24,56,48 as in the paper).")
    long[] crop = CropBox.defaultSize();

    @Option(names = "--axis", defaultValue = "0", description = "Slicing axis (default ${DEFAULT-VALUE}: slices of crop[1] x crop[2]).")
    int axis;

    @Option(names = "--percentiles", split = ",", description = "Intensity percentiles mapped to 0 and 1 (default 0.5,99.5).")
    double[] percentiles = {IntensityNormalizer.DEFAULT.lowPercentile(), IntensityNormalizer.DEFAULT.highPercentile()};

    Preprocessing preprocessing() {
        if (percentiles.length != 2) throw new IllegalArgumentException("--percentiles takes two numbers, e.g. 0.5,99.5");
        return new Preprocessing(crop, axis, percentiles[0], percentiles[1], LabelMapping.BINARY);
    }
}
