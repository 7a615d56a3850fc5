package org.hipposnn.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.hipposnn.io.NiftiFormatException;
import org.hipposnn.io.NiftiReader;
import org.hipposnn.io.Volume;

/**
 * A folder in the Medical Segmentation Decathlon layout: {@code imagesTr/NAME.nii.gz} with its
 * labels at {@code labelsTr/NAME.nii.gz}. Cases are listed in name order so that splits made from a
 * seed are the same on every machine; hidden files (macOS {@code ._} forks ship with MSD) are skipped.
 */
public final class MsdDataset {

    /** One subject: its id (file name without extension) and the two files. */
    public record Case(String id, Path image, Path labels) {}

    /** A subject read into memory: the image, its stored labels, and the labels after mapping. */
    public record LoadedCase(Case source, Volume image, Volume labels, LabelMapping mapping) {}

    private final Path root;
    private final List<Case> cases;

    private MsdDataset(Path root, List<Case> cases) {
        this.root = root;
        this.cases = Collections.unmodifiableList(cases);
    }

    /** Lists the cases of {@code root}; fails naming the folder or file when the layout is broken. */
    public static MsdDataset open(Path root) throws IOException {
        Path images = root.resolve("imagesTr");
        Path labels = root.resolve("labelsTr");
        if (!Files.isDirectory(images)) {
            throw new NoSuchFileException(images.toString(), null,
                    "not an MSD dataset folder: imagesTr/ is missing");
        }
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(images)) {
            for (Path image : (Iterable<Path>) files.sorted()::iterator) {
                String name = image.getFileName().toString();
                if (name.startsWith(".") || !(name.endsWith(".nii.gz") || name.endsWith(".nii"))) {
                    continue;
                }
                Path label = labels.resolve(name);
                if (!Files.isRegularFile(label)) {
                    throw new NoSuchFileException(label.toString(), null,
                            "labels missing for image " + image);
                }
                cases.add(new Case(idOf(name), image, label));
            }
        }
        if (cases.isEmpty()) {
            throw new NoSuchFileException(images.toString(), null, "no .nii or .nii.gz images found");
        }
        return new MsdDataset(root, cases);
    }

    /** The subject id of a file name: the name without {@code .nii.gz} or {@code .nii}. */
    public static String idOf(String fileName) {
        return fileName.replaceFirst("\\.nii(\\.gz)?$", "");
    }

    public Path root() {
        return root;
    }

    public List<Case> cases() {
        return cases;
    }

    public List<String> ids() {
        return cases.stream().map(Case::id).toList();
    }

    /** The case with this id; an unknown id is an error naming the dataset folder. */
    public Case get(String id) {
        return cases.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no case '" + id + "' in " + root));
    }

    /** The cases with these ids, in the order given. */
    public List<Case> select(List<String> ids) {
        return ids.stream().map(this::get).toList();
    }

    /**
     * Reads a case and checks it: image and labels on the same grid, label values non-negative
     * integers. Every failure names the file.
     */
    public static LoadedCase load(Case c, LabelMapping mapping) throws IOException {
        Volume image = NiftiReader.read(c.image());
        Volume labels = NiftiReader.read(c.labels());
        NiftiReader.requireSameGrid(image, labels);
        try {
            mapping.validate(labels.values(), c.labels().toString());
        } catch (IllegalArgumentException e) {
            throw new NiftiFormatException(c.labels(), e.getMessage());
        }
        return new LoadedCase(c, image, labels, mapping);
    }
}
