package org.hipposnn.fiji;

import ij.ImagePlus;
import ij.measure.Calibration;
import java.io.File;
import java.io.IOException;
import org.hipposnn.io.ImagePlusBridge;
import org.hipposnn.io.Volume;
import org.hipposnn.io.VolumeFiles;
import org.hipposnn.segment.Segmenter;

/**
 * An open image or an image file in, an ImageJ label stack out: the bridge between ImageJ's
 * {@link ImagePlus} and the engine's {@link Segmenter}, so the command only passes parameters.
 */
final class ImageSegmentation {

    /** The label stack (0/1, on the input's grid, with its spatial calibration) and its volume. */
    record Result(ImagePlus labels, double volumeMm3) {}

    private ImageSegmentation() {}

    /** The file when one is given, otherwise the open image. */
    static Result segment(Segmenter segmenter, ImagePlus image, File file) throws IOException {
        boolean useFile = file != null && !file.getPath().isBlank();
        if (!useFile && image == null) throw new IllegalArgumentException("no input: give an open image (image) or a file (input_file)");
        Volume v = useFile ? VolumeFiles.read(file.toPath()) : ImagePlusBridge.toVolume(image);
        Segmenter.Segmentation s = segmenter.segment(v);
        String title = (useFile ? file.getName() : image.getTitle()).replaceFirst("(\\.nii(\\.gz)?|\\.tiff?)$", "") + "-hippocampus";
        ImagePlus labels = ImagePlusBridge.toLabelImagePlus(s.labels(), v.voxelSize(), v.header().spatialUnit(), title);
        if (!useFile) {
            // the input's own calibration (origin, unit, frame) but not its intensity function
            Calibration c = image.getCalibration().copy();
            c.disableDensityCalibration();
            labels.setCalibration(c);
        }
        labels.setDisplayRange(0, 1);
        return new Result(labels, s.volumeMm3());
    }
}
