package org.hipposnn.data;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hipposnn.io.NiftiFormatException;
import org.hipposnn.io.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MsdDatasetTest {

    @TempDir
    Path tmp;

    @Test
    void theSharedDevelopmentSetHas200CasesAndSplitsIntoFiveSubjectWiseFolds() throws Exception {
        MsdDataset ds = MsdDataset.open(SharedData.msdHippocampus());
        assertEquals(200, ds.cases().size());
        List<KFold.Fold> folds = KFold.split(ds.ids(), 5, 42);
        Set<String> tested = new HashSet<>();
        for (KFold.Fold f : folds) {
            assertEquals(40, f.test().size());
            assertTrue(tested.addAll(f.test()), "a subject is in two test folds");
        }
        assertEquals(new HashSet<>(ds.ids()), tested);
        MsdDataset.LoadedCase c = MsdDataset.load(ds.get("hippocampus_004"), LabelMapping.BINARY);
        assertArrayEquals(c.image().dimensions(), c.labels().dimensions());
    }

    @Test
    void thePhantomsInTestDataFormADataset() throws Exception {
        MsdDataset ds = MsdDataset.open(Path.of("test-data"));
        assertEquals(List.of("phantom_000", "phantom_001", "phantom_002", "phantom_003"), ds.ids());
        MsdDataset.LoadedCase c = MsdDataset.load(ds.cases().get(0), LabelMapping.BINARY);
        assertEquals("phantom_000", c.source().id());
    }

    @Test
    void aMissingLabelFileIsNamed() throws Exception {
        Files.createDirectories(tmp.resolve("imagesTr"));
        Files.createDirectories(tmp.resolve("labelsTr"));
        Files.copy(Path.of("test-data/imagesTr/phantom_000.nii.gz"), tmp.resolve("imagesTr/case_1.nii.gz"));
        Files.writeString(tmp.resolve("imagesTr/._case_1.nii.gz"), "macOS resource fork"); // skipped
        var e = assertThrows(NoSuchFileException.class, () -> MsdDataset.open(tmp));
        assertTrue(e.getMessage().contains("case_1.nii.gz") && e.getMessage().contains("labels missing"), e.getMessage());
    }

    @Test
    void aFolderWithoutImagesTrIsRejected() {
        var e = assertThrows(NoSuchFileException.class, () -> MsdDataset.open(tmp));
        assertTrue(e.getMessage().contains("imagesTr"), e.getMessage());
    }

    @Test
    void labelsOnAnotherGridThanTheirImageAreRejectedNamingBoth() throws Exception {
        Files.createDirectories(tmp.resolve("imagesTr"));
        Files.createDirectories(tmp.resolve("labelsTr"));
        Files.copy(Path.of("test-data/imagesTr/phantom_000.nii.gz"), tmp.resolve("imagesTr/a.nii.gz"));
        // labels of a real MSD case: a different grid from the phantom's 36 x 50 x 36
        Path other = SharedData.msdHippocampus().resolve("labelsTr/hippocampus_004.nii.gz");
        Files.copy(other, tmp.resolve("labelsTr/a.nii.gz"));
        MsdDataset ds = MsdDataset.open(tmp);
        var e = assertThrows(NiftiFormatException.class, () -> MsdDataset.load(ds.cases().get(0), LabelMapping.BINARY));
        assertTrue(e.getMessage().contains("a.nii.gz"), e.getMessage());
    }
}
