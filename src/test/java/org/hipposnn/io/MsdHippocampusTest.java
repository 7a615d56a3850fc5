package org.hipposnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.imglib2.Cursor;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;

/** All real MSD hippocampus cases decode, with labels {0,1,2} on the image's grid. */
class MsdHippocampusTest {

    @Test
    void everyCaseDecodesWithMatchingLabels() throws Exception {
        Path root = SharedData.msdHippocampus();
        List<Path> images;
        try (Stream<Path> s = Files.list(root.resolve("imagesTr"))) {
            images = s.filter(p -> p.getFileName().toString().endsWith(".nii.gz")).sorted().collect(Collectors.toList());
        }
        assertEquals(200, images.size(), "cases in " + root);
        long start = System.nanoTime();
        for (Path imageFile : images) {
            Path labelFile = root.resolve("labelsTr").resolve(imageFile.getFileName());
            Volume image = NiftiReader.read(imageFile);
            Volume labels = NiftiReader.read(labelFile);
            NiftiReader.requireSameGrid(image, labels);
            Set<Double> values = new TreeSet<>();
            Cursor<DoubleType> c = Views.flatIterable(labels.values()).cursor();
            while (c.hasNext()) values.add(c.next().get());
            assertTrue(Set.of(0.0, 1.0, 2.0).containsAll(values), labelFile + ": label values " + values);
            assertTrue(values.contains(1.0) && values.contains(2.0), labelFile + ": labels 1 and 2 present " + values);
            double max = Double.NEGATIVE_INFINITY;
            Cursor<DoubleType> v = Views.flatIterable(image.values()).cursor();
            while (v.hasNext()) max = Math.max(max, v.next().get());
            assertTrue(Double.isFinite(max) && max > 0, imageFile + ": max " + max);
        }
        System.out.printf("MSD hippocampus: %d image/label pairs decoded in %.0f ms%n", images.size(),
                (System.nanoTime() - start) / 1e6);
    }
}
