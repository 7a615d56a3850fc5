package org.hipposnn.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.function.Executable;

/** Builds NIfTI bytes by hand (valid or broken) and checks error messages. */
final class TestNifti {

    private TestNifti() {
    }

    static NiftiHeader header(NiftiDataType type, int... dims) {
        NiftiHeader h = NiftiHeader.forVolume(new long[] {dims[0], dims[1], dims[2]}, new double[] {1, 1, 1});
        h.setDatatype(type);
        return h;
    }

    /** header + 4-byte extension flag + voxels. */
    static byte[] file(NiftiHeader h, byte[] voxels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.toBytes());
        out.writeBytes(new byte[4]);
        out.writeBytes(voxels);
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Path write(Path file, byte[] data) throws IOException {
        Files.write(file, data);
        return file;
    }

    /** Asserts an IOException whose message starts with the file name and contains each part. */
    static IOException assertFails(Path file, Executable action, String... parts) {
        IOException e = assertThrows(IOException.class, action);
        String m = e.getMessage();
        assertTrue(m.startsWith(file.getFileName().toString()), "message should start with the file name: " + m);
        for (String p : parts) assertTrue(m.contains(p), "message should contain \"" + p + "\": " + m);
        return e;
    }
}
