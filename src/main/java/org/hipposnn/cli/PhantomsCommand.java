package org.hipposnn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.integer.ShortType;
import org.hipposnn.data.PhantomGenerator;
import org.hipposnn.io.NiftiDataType;
import org.hipposnn.io.NiftiHeader;
import org.hipposnn.io.NiftiWriter;
import org.hipposnn.io.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes synthetic phantoms in the MSD layout: the embedded default data (test-data/). */
@Command(name = "phantoms", mixinStandardHelpOptions = true,
        description = "Write synthetic hippocampus-like phantoms (imagesTr/, labelsTr/, .nii.gz).")
final class PhantomsCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Output folder (imagesTr/ and labelsTr/ are made in it).")
    Path out;

    @Option(names = "--count", defaultValue = "4", description = "Number of cases (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "20261129", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (count < 1) throw new IllegalArgumentException("--count must be at least 1, got " + count);
        Path images = Files.createDirectories(out.resolve("imagesTr"));
        Path labels = Files.createDirectories(out.resolve("labelsTr"));
        PhantomGenerator generator = new PhantomGenerator(seed);
        double[] voxel = {PhantomGenerator.VOXEL_SIZE_MM, PhantomGenerator.VOXEL_SIZE_MM, PhantomGenerator.VOXEL_SIZE_MM};
        for (int i = 0; i < count; i++) {
            PhantomGenerator.Phantom p = generator.generate(i);
            NiftiHeader header = NiftiHeader.forVolume(p.image().dimensionsAsLongArray(), voxel);
            // int16, as scanners store T1: a quarter of float32's size once gzipped, noise and all.
            header.setDatatype(NiftiDataType.INT16);
            Img<ShortType> stored = ArrayImgs.shorts(p.image().dimensionsAsLongArray());
            LoopBuilder.setImages(p.image(), stored).forEachPixel((f, s) -> s.set((short) Math.round(f.get())));
            String file = p.id() + ".nii.gz";
            NiftiWriter.write(images.resolve(file), new Volume(null, header, stored));
            NiftiWriter.writeLabels(labels.resolve(file), p.labels(), header);
            System.out.println("wrote " + p.id());
        }
        return 0;
    }
}
