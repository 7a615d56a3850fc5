package org.hipposnn.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A produced update site read back the way the updater reads it, with the checks the issue asks
 * for. The checksum here is written afresh from FIJI.md, not taken from {@link UpdaterChecksum}.
 */
final class SiteRecords {

    record Dependency(String filename, String timestamp) {
    }

    record Record(String filename, List<String> platforms, String checksum, String timestamp, long filesize,
                  List<Dependency> dependencies) {
        Path file(Path site) {
            return site.resolve(filename + "-" + timestamp);
        }
    }

    final Path site;
    final Map<String, Record> records = new LinkedHashMap<>();
    final List<String> duplicates = new ArrayList<>();
    final List<String> obsolete = new ArrayList<>();

    SiteRecords(Path site) throws Exception {
        this.site = site;
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setValidating(true); // the inline DTD must accept the document, as a validating reader would
        var builder = f.newDocumentBuilder();
        List<String> errors = new ArrayList<>();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(org.xml.sax.SAXParseException e) {
                errors.add(e.getMessage());
            }
        });
        Document doc;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(site.resolve("db.xml.gz")))) {
            doc = builder.parse(in);
        }
        assertEquals(List.of(), errors, "db.xml.gz against its own DTD");
        assertEquals("pluginRecords", doc.getDocumentElement().getTagName());
        NodeList plugins = doc.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element p = (Element) plugins.item(i);
            List<String> platforms = texts(p, "platform");
            NodeList versions = p.getElementsByTagName("version");
            if (versions.getLength() == 0) { // obsolete: only previous versions
                obsolete.add(p.getAttribute("filename"));
                continue;
            }
            assertEquals(1, versions.getLength(), p.getAttribute("filename") + ": one current version");
            Element v = (Element) versions.item(0);
            List<Dependency> deps = new ArrayList<>();
            NodeList d = v.getElementsByTagName("dependency");
            for (int j = 0; j < d.getLength(); j++) {
                Element e = (Element) d.item(j);
                deps.add(new Dependency(e.getAttribute("filename"), e.getAttribute("timestamp")));
            }
            Record r = new Record(p.getAttribute("filename"), platforms, v.getAttribute("checksum"),
                    v.getAttribute("timestamp"), Long.parseLong(v.getAttribute("filesize")), deps);
            if (records.put(r.filename, r) != null) duplicates.add(r.filename);
        }
    }

    private static List<String> texts(Element parent, String tag) {
        List<String> out = new ArrayList<>();
        NodeList n = parent.getElementsByTagName(tag);
        for (int i = 0; i < n.getLength(); i++) out.add(n.item(i).getTextContent().trim());
        return out;
    }

    /** Every listed file exists with its size; no file lies in the site that is not listed. */
    void checkFilesAndSizes() throws IOException {
        Set<Path> listed = new HashSet<>();
        for (Record r : records.values()) {
            Path f = r.file(site);
            assertTrue(Files.isRegularFile(f), "listed but missing: " + f);
            assertEquals(r.filesize, Files.size(f), "size of " + f);
            listed.add(f.toAbsolutePath().normalize());
        }
        try (Stream<Path> s = Files.walk(site)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (p.getFileName().toString().equals("db.xml.gz")) continue;
                assertTrue(listed.contains(p.toAbsolutePath().normalize()), "in the site but not in db.xml.gz: " + p);
            }
        }
    }

    /** Each checksum equals the updater's algorithm, computed here independently. */
    void checkChecksums() throws Exception {
        for (Record r : records.values())
            assertEquals(independentChecksum(r.file(site), r.filename), r.checksum, "checksum of " + r.filename);
    }

    /**
     * No path twice, and no two files the updater would take for one: it identifies a file by its
     * path without the version, so jars/guava-1.0.jar and jars/guava-2.0.jar are the same file.
     */
    void checkNoFileTwice() {
        assertEquals(List.of(), duplicates, "paths listed twice");
        Map<String, String> unversioned = new TreeMap<>();
        for (String name : records.keySet()) {
            String key = unversioned(name);
            String before = unversioned.put(key, name);
            assertTrue(before == null, name + " and " + before + " are one file to the updater (" + key + ")");
        }
    }

    /** jars/<platform>/ files carry exactly that platform tag and that platform's classifier; nothing else has one. */
    void checkPlatforms(Map<String, String> classifierOf) {
        for (Record r : records.values()) {
            String[] parts = r.filename.split("/");
            if (parts.length == 3 && parts[0].equals("jars")) {
                assertEquals(List.of(parts[1]), r.platforms, r.filename);
                assertTrue(parts[2].contains("-" + classifierOf.get(parts[1])), r.filename + " is not a " + parts[1] + " native jar");
            } else {
                assertEquals(List.of(), r.platforms, r.filename);
                assertTrue(parts.length == 2, "unexpected folder: " + r.filename);
                assertTrue(Set.of("plugins", "jars", "models").contains(parts[0]), "unexpected folder: " + r.filename);
            }
        }
    }

    /** One upload, one timestamp; dependencies point at listed files with their timestamps. */
    void checkTimestampsAndDependencies() {
        Set<String> stamps = new HashSet<>();
        for (Record r : records.values()) {
            assertTrue(r.timestamp.matches("\\d{14}"), r.filename + ": " + r.timestamp);
            stamps.add(r.timestamp);
            for (Dependency d : r.dependencies) {
                Record target = records.get(d.filename);
                assertTrue(target != null, r.filename + " depends on unlisted " + d.filename);
                assertEquals(target.timestamp, d.timestamp, "dependency timestamp of " + d.filename);
            }
        }
        assertEquals(1, stamps.size(), "one timestamp per upload: " + stamps);
    }

    /** The updater's name of a file without its version: jars/foo-1.2.3.jar -> jars/foo.jar. */
    static String unversioned(String path) {
        return path.replaceFirst("-\\d[^/]*?(-(linux|windows|macosx)-[^/]*)?\\.jar$", "$1.jar");
    }

    // ---- the updater's checksum, written from FIJI.md's description -------------------------

    static String independentChecksum(Path file, String sitePath) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        if (!sitePath.endsWith(".jar")) {
            sha1.update(sitePath.getBytes(StandardCharsets.US_ASCII));
            sha1.update(Files.readAllBytes(file));
        } else {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                TreeMap<String, ZipEntry> sorted = new TreeMap<>(); // String.compareTo order
                zip.stream().forEach(e -> sorted.put(e.getName(), e));
                for (var e : sorted.entrySet()) {
                    sha1.update(e.getKey().getBytes(StandardCharsets.US_ASCII));
                    if (e.getKey().equals("META-INF/MANIFEST.MF")) continue;
                    if (e.getKey().endsWith(".properties")) {
                        String text;
                        try (InputStream in = zip.getInputStream(e.getValue())) {
                            text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                        }
                        StringBuilder kept = new StringBuilder();
                        String[] lines = text.split("\n", -1);
                        for (int i = 0; i < lines.length; i++) {
                            if (!lines[i].startsWith("#")) kept.append(lines[i]);
                            if (i < lines.length - 1) kept.append('\n');
                        }
                        sha1.update(kept.toString().getBytes(StandardCharsets.ISO_8859_1));
                    } else {
                        try (InputStream in = zip.getInputStream(e.getValue())) {
                            byte[] buf = new byte[1 << 20];
                            for (int n; (n = in.read(buf)) >= 0; ) sha1.update(buf, 0, n);
                        }
                    }
                }
            }
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : sha1.digest()) hex.append(String.format("%02x", b));
        return hex.toString();
    }
}
