package org.hipposnn.io;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.io.Opener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * The one place the pipeline reads and writes volumes, chosen by file extension: NIfTI-1
 * ({@code .nii}, {@code .nii.gz}) through our reader/writer, TIFF ({@code .tif}, {@code .tiff})
 * through ImageJ 1.x. Keeps format decisions out of the pipeline and every error message naming
 * the file.
 */
public final class VolumeFiles {

    /** For messages. */
    public static final String SUPPORTED = ".nii, .nii.gz, .tif, .tiff";

    private VolumeFiles() {
    }

    /** Whether the extension is one we read and write. */
    public static boolean isSupported(Path file) {
        return format(file) != null;
    }

    /** Reads a 3-D volume (TIFF stacks become float32 volumes with the stack's calibration). */
    public static Volume read(Path file) throws IOException {
        return read(file, false);
    }

    /**
     * Reads a 3-D volume; {@code firstVolumeOnly} takes the first volume of a 4-D NIfTI file
     * instead of refusing it.
     */
    public static Volume read(Path file, boolean firstVolumeOnly) throws IOException {
        String f = format(file);
        if (f == null) throw unsupported(file);
        if (!Files.exists(file)) throw new NoSuchFileException(file.toString(), null, "no such file");
        if (f.equals("nifti")) return NiftiReader.read(file, firstVolumeOnly);
        Opener opener = new Opener();
        opener.setSilentMode(true);
        Path abs = file.toAbsolutePath();
        ImagePlus imp = opener.openTiff(abs.getParent().toString() + java.io.File.separator,
                abs.getFileName().toString());
        if (imp == null) throw new IOException(label(file) + ": could not be read as a TIFF image");
        try {
            Volume v = ImagePlusBridge.toVolume(imp);
            return new Volume(file, v.header(), v.raw());
        } catch (IllegalArgumentException e) {
            throw new IOException(label(file) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a label image on the grid of {@code like}: NIfTI as uint8 with like's header, TIFF as
     * an 8-bit stack with like's voxel size. Atomic.
     */
    public static void writeLabels(Path file, RandomAccessibleInterval<? extends RealType<?>> labels, Volume like)
            throws IOException {
        String f = format(file);
        if (f == null) throw unsupported(file);
        if (f.equals("nifti")) {
            NiftiWriter.writeLabels(file, labels, like.header());
            return;
        }
        ImagePlus imp;
        try {
            imp = ImagePlusBridge.toLabelImagePlus(labels, like.voxelSize(), like.header().spatialUnit(),
                    label(file));
        } catch (IllegalArgumentException e) {
            throw new IOException(label(file) + ": " + e.getMessage(), e);
        }
        AtomicFiles.write(file, temp -> {
            FileSaver saver = new FileSaver(imp);
            boolean ok = imp.getStackSize() > 1 ? saver.saveAsTiffStack(temp.toString()) : saver.saveAsTiff(temp.toString());
            if (!ok) throw new IOException(label(file) + ": ImageJ could not write the TIFF");
        });
    }

    private static String format(Path file) {
        Path name = file.getFileName();
        if (name == null) return null;
        String n = name.toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".nii") || n.endsWith(".nii.gz")) return "nifti";
        if (n.endsWith(".tif") || n.endsWith(".tiff")) return "tiff";
        return null;
    }

    private static IOException unsupported(Path file) {
        return new IOException(label(file) + ": unsupported file type; supported are " + SUPPORTED);
    }

    private static String label(Path file) {
        return NiftiFormatException.label(file);
    }
}
