package org.hipposnn.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The checksum the ImageJ updater verifies on install (../shared/guide/FIJI.md, "Update site
 * format"): lower-case hex SHA-1. A jar is hashed entry by entry, sorted by name, so that
 * re-packing with new dates or a new manifest does not change it; any other file is hashed with
 * its site path in front.
 */
public final class UpdaterChecksum {

    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    private UpdaterChecksum() {
    }

    /** The checksum of {@code file} as it will be installed at {@code sitePath} (e.g. {@code models/x.zip}). */
    public static String of(Path file, String sitePath) throws IOException {
        return sitePath.endsWith(".jar") ? ofJar(file) : ofPlainFile(file, sitePath);
    }

    /** SHA-1 over the ASCII bytes of the site path, then the file's bytes. */
    public static String ofPlainFile(Path file, String sitePath) throws IOException {
        MessageDigest digest = sha1();
        digest.update(sitePath.getBytes(StandardCharsets.US_ASCII));
        try (InputStream in = Files.newInputStream(file)) {
            copy(in, digest);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Every entry (directories too) sorted by name; each contributes its name's ASCII bytes, then
     * its content, except that the manifest contributes no content and {@code *.properties}
     * files lose their comment lines (the line's {@code \n} stays), which carry build dates.
     */
    public static String ofJar(Path jar) throws IOException {
        MessageDigest digest = sha1();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<ZipEntry> entries = new ArrayList<>(Collections.list(zip.entries()));
            entries.sort((a, b) -> a.getName().compareTo(b.getName()));
            for (ZipEntry entry : entries) {
                String name = entry.getName();
                digest.update(name.getBytes(StandardCharsets.US_ASCII));
                if (name.equals(MANIFEST) || entry.isDirectory()) continue;
                try (InputStream in = zip.getInputStream(entry)) {
                    if (name.endsWith(".properties")) copyWithoutCommentLines(in, digest);
                    else copy(in, digest);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void copy(InputStream in, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
    }

    /** Drops each line that starts with '#' up to, not including, its '\n'. */
    private static void copyWithoutCommentLines(InputStream in, MessageDigest digest) throws IOException {
        byte[] bytes = in.readAllBytes();
        boolean lineStart = true;
        boolean inComment = false;
        for (byte b : bytes) {
            if (lineStart) inComment = b == '#';
            if (b == '\n') inComment = false;
            if (!inComment) digest.update(b);
            lineStart = b == '\n';
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
