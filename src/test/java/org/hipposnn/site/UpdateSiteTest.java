package org.hipposnn.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a small update site from the jars of the test class path (the plugin's runtime
 * dependencies are all on it) and checks it as the updater would: db.xml.gz, sizes, checksums
 * (recomputed independently), one timestamp, platform tags, no file twice, and that every class
 * the plugin reaches from its Fiji entry points resolves from the site plus what Fiji ships.
 * The real site of {@code mvn -Pupdate-site package}, when present in target/, gets the same checks.
 */
class UpdateSiteTest {

    static final String TIMESTAMP = "20261201120000";

    /** Fiji platform -> JavaCPP classifier, as the updater's platform folders and Maven name them. */
    static final Map<String, String> CLASSIFIER_OF = Map.of(
            "linux64", "linux-x86_64", "win64", "windows-x86_64",
            "macos64", "macosx-x86_64", "macos-arm64", "macosx-arm64");

    /** Jars only the tests use: not part of the plugin's runtime class path. */
    static final Set<String> TEST_ONLY = Set.of("junit-jupiter", "junit-jupiter-api", "junit-jupiter-params",
            "junit-jupiter-engine", "junit-platform-commons", "junit-platform-engine", "junit-platform-launcher",
            "opentest4j", "apiguardian-api", "groovy", "groovy-jsr223");

    @TempDir
    static Path tmp;
    static Path site;
    static Path pluginJar;
    static List<Path> runtimeJars;
    static Set<String> fijiProvided;
    static Set<String> notNeeded;
    static UpdateSiteBuilder builder;

    @BeforeAll
    static void buildSite() throws Exception {
        String pom = Files.readString(baseDir().resolve("pom.xml"));
        fijiProvided = new LinkedHashSet<>(csv(pomProperty(pom, "hipposnn.fiji-provided")));
        notNeeded = new LinkedHashSet<>(csv(pomProperty(pom, "hipposnn.site-not-needed")));
        runtimeJars = new ArrayList<>();
        for (Path p : testClassPath()) {
            if (!p.toString().endsWith(".jar") || p.toString().contains("surefire")) continue;
            if (!TEST_ONLY.contains(artifactId(p))) runtimeJars.add(p);
        }
        pluginJar = pluginJarFromClasses(tmp.resolve("in/Hippo_SNN-0.0.0-test.jar"));
        builder = build(tmp.resolve("site"), TIMESTAMP);
        site = tmp.resolve("site");
    }

    static UpdateSiteBuilder build(Path out, String timestamp) throws IOException {
        Path in = tmp.resolve("in");
        Path models = Files.createDirectories(in.resolve("models"));
        Files.writeString(models.resolve("README.md"), "model cards, not shipped\n");
        writeZip(models.resolve("demo-bundle.zip"), Map.of("model.json", "{\"kind\":\"ann\"}\n"), null);
        UpdateSiteBuilder b = new UpdateSiteBuilder(out, timestamp)
                .pluginJar(pluginJar).classPath(runtimeJars).fijiProvided(fijiProvided).notNeeded(notNeeded)
                .models(models).description("Hippo SNN (test)");
        // linux64: the real (small) javacpp natives of the local repository; other platforms:
        // small stand-ins named as Maven names them, each with a .properties carrying a comment.
        Path javacppLinux = runtimeJars.stream().filter(p -> p.getFileName().toString().equals("javacpp-1.5.7-linux-x86_64.jar"))
                .findFirst().orElseThrow(() -> new AssertionError("javacpp linux natives not on the test class path"));
        Path linux = Files.createDirectories(in.resolve("natives/linux64"));
        Files.copy(javacppLinux, linux.resolve(javacppLinux.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        b.natives("linux64", linux);
        for (String platform : List.of("win64", "macos64", "macos-arm64")) {
            String cls = CLASSIFIER_OF.get(platform);
            Path dir = Files.createDirectories(in.resolve("natives/" + platform));
            writeZip(dir.resolve("javacpp-1.5.7-" + cls + ".jar"), Map.of(
                    "org/bytedeco/javacpp/" + cls + "/libjnijavacpp.bin", "native code for " + cls,
                    "META-INF/maven/org.bytedeco/javacpp/pom.properties", "#Generated by Maven\n#Sun Aug 07 2022\nversion=1.5.7\n"),
                    "Manifest-Version: 1.0\nCreated-By: test\n");
            b.natives(platform, dir);
        }
        b.build();
        return b;
    }

    // ---- the site as the updater sees it ------------------------------------------------------

    @Test
    void dbListsEveryFileWithItsSizeAndChecksum() throws Exception {
        SiteRecords r = new SiteRecords(site);
        r.checkFilesAndSizes();
        r.checkChecksums();
        r.checkTimestampsAndDependencies();
        assertEquals(Set.of(TIMESTAMP), new HashSet<>(r.records.values().stream().map(SiteRecords.Record::timestamp).toList()));
    }

    @Test
    void noFileTwiceAndNothingFijiShips() throws Exception {
        SiteRecords r = new SiteRecords(site);
        r.checkNoFileTwice();
        // Fiji's own jars, by the updater's version-less name: shipping one would replace Fiji's.
        Set<String> fijiNames = new TreeSet<>();
        for (String id : fijiProvided) fijiNames.add("jars/" + id + ".jar");
        for (String id : List.of("guava", "failureaccess", "jsr305", "protobuf-java", "jackson-core", "jackson-databind",
                "jackson-annotations", "slf4j-api", "picocli")) fijiNames.add("jars/" + id + ".jar");
        for (String name : r.records.keySet())
            assertFalse(fijiNames.contains(SiteRecords.unversioned(name)), name + " would replace a jar Fiji ships");
        assertTrue(r.records.containsKey("jars/nd4j-guava-1.0.0-M2.1.jar"), "ND4J's repackaged Guava ships under its own name");
    }

    @Test
    void pluginModelsAndPlatformFolders() throws Exception {
        SiteRecords r = new SiteRecords(site);
        r.checkPlatforms(CLASSIFIER_OF);
        assertTrue(r.records.containsKey("plugins/Hippo_SNN-0.0.0-test.jar"));
        assertTrue(r.records.containsKey("models/demo-bundle.zip"));
        assertFalse(r.records.keySet().stream().anyMatch(n -> n.endsWith("README.md")), "model README is not shipped");
        for (String platform : CLASSIFIER_OF.keySet())
            assertTrue(r.records.keySet().stream().anyMatch(n -> n.startsWith("jars/" + platform + "/")), platform);
        // The build platform's natives on the class path do not leak into the common jars/ folder.
        for (String name : r.records.keySet())
            if (name.split("/").length == 2) assertFalse(name.matches(".*-(linux|windows|macosx)-.*"), name);
        // The plugin depends on every library and native jar of the site.
        Set<String> deps = new TreeSet<>();
        r.records.get("plugins/Hippo_SNN-0.0.0-test.jar").dependencies().forEach(d -> deps.add(d.filename()));
        Set<String> jars = new TreeSet<>(r.records.keySet().stream().filter(n -> n.startsWith("jars/")).toList());
        assertEquals(jars, deps);
        try (ZipFile plugin = new ZipFile(r.records.get("plugins/Hippo_SNN-0.0.0-test.jar").file(site).toFile())) {
            assertTrue(plugin.getEntry("plugins.config") != null, "plugins.config at the plugin jar's root");
        }
    }

    @Test
    void rerunGivesIdenticalChecksumsAndSameTimestampIdenticalDb() throws Exception {
        Path again = tmp.resolve("site-again");
        build(again, "20270101000000");
        Map<String, String> first = checksums(new SiteRecords(site));
        assertEquals(first, checksums(new SiteRecords(again)));
        Path same = tmp.resolve("site-same");
        build(same, TIMESTAMP);
        assertArrayEquals(Files.readAllBytes(site.resolve("db.xml.gz")), Files.readAllBytes(same.resolve("db.xml.gz")));
    }

    @Test
    void updaterChecksumIgnoresManifestAndPropertiesComments() throws Exception {
        Path a = tmp.resolve("sum/a.jar"), b = tmp.resolve("sum/b.jar"), c = tmp.resolve("sum/c.jar");
        Files.createDirectories(a.getParent());
        writeZip(a, Map.of("x/Y.class", "bytes", "p.properties", "#built Monday\nk=v\n"), "Manifest-Version: 1.0\nBuilt: Monday\n");
        writeZip(b, Map.of("x/Y.class", "bytes", "p.properties", "#built Tuesday, later\nk=v\n"), "Manifest-Version: 1.0\nBuilt: Tuesday\n");
        writeZip(c, Map.of("x/Y.class", "bytes", "p.properties", "#built Monday\nk=w\n"), "Manifest-Version: 1.0\nBuilt: Monday\n");
        assertEquals(UpdaterChecksum.ofJar(a), UpdaterChecksum.ofJar(b));
        assertNotEquals(UpdaterChecksum.ofJar(a), UpdaterChecksum.ofJar(c));
        assertEquals(SiteRecords.independentChecksum(a, "jars/a.jar"), UpdaterChecksum.ofJar(a));
        // A plain file's checksum covers its site path.
        assertNotEquals(UpdaterChecksum.of(a, "models/a.zip"), UpdaterChecksum.of(a, "models/b.zip"));
    }

    @Test
    void previousUploadBecomesPreviousVersionsAndObsoleteRecords() throws Exception {
        Path models = Files.createDirectories(tmp.resolve("prev/models"));
        writeZip(models.resolve("a.zip"), Map.of("m", "first"), null);
        writeZip(models.resolve("gone.zip"), Map.of("m", "dropped later"), null);
        Path first = tmp.resolve("prev/site1");
        new UpdateSiteBuilder(first, "20260101000000").pluginJar(pluginJar).models(models).build();
        writeZip(models.resolve("a.zip"), Map.of("m", "second"), null);
        Files.delete(models.resolve("gone.zip"));
        Path second = tmp.resolve("prev/site2");
        new UpdateSiteBuilder(second, "20260201000000").pluginJar(pluginJar).models(models)
                .previous(first.resolve("db.xml.gz")).build();

        SiteRecords r = new SiteRecords(second);
        r.checkFilesAndSizes();
        r.checkChecksums();
        assertEquals(List.of("models/gone.zip"), r.obsolete);
        String db = new String(new java.util.zip.GZIPInputStream(Files.newInputStream(second.resolve("db.xml.gz"))).readAllBytes(), StandardCharsets.UTF_8);
        String oldSum = new SiteRecords(first).records.get("models/a.zip").checksum();
        assertTrue(db.contains("<previous-version timestamp=\"20260101000000\" checksum=\"" + oldSum + "\"/>"), db);
        // The plugin jar did not change: no previous version of it.
        String pluginRecord = db.substring(db.indexOf("<plugin filename=\"plugins/"));
        pluginRecord = pluginRecord.substring(0, pluginRecord.indexOf("</plugin>"));
        assertFalse(pluginRecord.contains("previous-version"), pluginRecord);
    }

    // ---- every class the plugin needs in Fiji resolves -------------------------------------

    @Test
    void pluginClassesResolveFromSiteAndFiji() throws Exception {
        checkPluginClassesResolve(new SiteRecords(site));
    }

    /**
     * Walks from the plugin's Fiji entry points through its own classes and resolves every class
     * they refer to against the site's jars (common and linux64), the jars Fiji ships (their
     * stand-ins: the same artifacts from the test class path) and the JDK.
     */
    static void checkPluginClassesResolve(SiteRecords r) throws Exception {
        Path site = r.site;
        String pluginName = r.records.keySet().stream().filter(n -> n.startsWith("plugins/")).findFirst().orElseThrow();
        Map<String, byte[]> pluginClasses = new HashMap<>();
        Set<String> entryPoints = new TreeSet<>();
        Path pluginFile = r.records.get(pluginName).file(site);
        try (ZipFile plugin = new ZipFile(pluginFile.toFile())) {
            for (ZipEntry e : plugin.stream().toList()) {
                if (e.getName().endsWith(".class")) pluginClasses.put(e.getName().replaceFirst("\\.class$", ""), plugin.getInputStream(e).readAllBytes());
            }
            entryPoints.addAll(entryPoints(plugin));
        }
        assertFalse(pluginClasses.keySet().stream().anyMatch(n -> n.startsWith("org/hipposnn/site/")), "the site builder stays out of the plugin");
        assertTrue(entryPoints.size() >= 4, "entry points: " + entryPoints);

        // Classes the site's jars and Fiji's provide (Fiji's stand-ins: the same artifacts from the class path).
        Set<String> available = new HashSet<>();
        List<Path> jars = new ArrayList<>();
        for (SiteRecords.Record rec : r.records.values()) {
            // The common jars and this machine's natives (the other platforms' hold no classes the plugin needs).
            if (rec.filename().endsWith(".jar") && (rec.platforms().isEmpty() || rec.platforms().contains("linux64"))) jars.add(rec.file(site));
        }
        List<String> fijiJars = new ArrayList<>();
        for (Path p : runtimeJars) if (fijiProvided.contains(artifactId(p))) { jars.add(p); fijiJars.add(p.getFileName().toString()); }
        Set<String> standIns = new TreeSet<>();
        for (Path p : runtimeJars) if (fijiProvided.contains(artifactId(p))) standIns.add(artifactId(p));
        assertEquals(new TreeSet<>(fijiProvided), standIns, "every library Fiji ships has its stand-in on the class path");
        for (Path jar : jars) {
            try (ZipFile z = new ZipFile(jar.toFile())) {
                z.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class")).forEach(n -> available.add(n.substring(0, n.length() - 6)));
            }
        }

        // Walk from the entry points through the plugin's own classes.
        Set<String> reached = new TreeSet<>();
        Set<String> external = new TreeSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(entryPoints);
        while (!todo.isEmpty()) {
            String c = todo.poll();
            if (!reached.add(c)) continue;
            byte[] bytes = pluginClasses.get(c);
            assertTrue(bytes != null, "entry point or plugin class missing from the plugin jar: " + c);
            for (String ref : ClassReferences.of(bytes)) {
                if (pluginClasses.containsKey(ref)) todo.add(ref);
                else external.add(ref);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String ref : external) {
            if (available.contains(ref)) continue;
            if (ClassLoader.getPlatformClassLoader().getResource(ref + ".class") != null) continue; // the JDK
            missing.add(ref);
        }
        assertEquals(List.of(), missing, "classes the plugin reaches that neither the site nor Fiji provides (reached "
                + reached.size() + " plugin classes; Fiji stand-ins " + fijiJars + ")");
        assertFalse(reached.stream().anyMatch(c -> c.startsWith("org/hipposnn/cli/")), "the Fiji plugin does not reach the CLI (picocli is left out)");
    }

    /** plugins.config classes, the SciJava plugin index, and the macro entry class used through call(). */
    static Set<String> entryPoints(ZipFile plugin) throws IOException {
        Set<String> out = new TreeSet<>();
        ZipEntry config = plugin.getEntry("plugins.config");
        for (String line : new String(plugin.getInputStream(config).readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            line = line.trim();
            if (line.isEmpty() || line.startsWith("#")) continue;
            Matcher m = Pattern.compile(",\\s*([\\w.$]+)\\s*(\\(.*\\))?\\s*$").matcher(line);
            if (m.find()) out.add(m.group(1).replace('.', '/'));
        }
        ZipEntry index = plugin.getEntry("META-INF/json/org.scijava.plugin.Plugin");
        if (index != null) {
            Matcher m = Pattern.compile("\"class\"\\s*:\\s*\"([^\"]+)\"").matcher(new String(plugin.getInputStream(index).readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) out.add(m.group(1).replace('.', '/'));
        }
        out.add("org/hipposnn/fiji/Macros");
        return out;
    }

    // ---- the real site, when mvn -Pupdate-site package has made one ----------------------

    @Test
    void realSiteInTargetIsValid() throws Exception {
        Path real = baseDir().resolve("target/update-site");
        assumeTrue(Files.isRegularFile(real.resolve("db.xml.gz")), "no target/update-site (run mvn -Pupdate-site package)");
        SiteRecords r = new SiteRecords(real);
        r.checkFilesAndSizes();
        r.checkNoFileTwice();
        r.checkPlatforms(CLASSIFIER_OF);
        r.checkTimestampsAndDependencies();
        r.checkChecksums();
        for (String platform : CLASSIFIER_OF.keySet())
            assertTrue(r.records.keySet().stream().anyMatch(n -> n.startsWith("jars/" + platform + "/nd4j-native-")), platform + " natives");
        assertEquals(1, r.records.keySet().stream().filter(n -> n.startsWith("plugins/")).count());
        checkPluginClassesResolve(r);
    }

    /** On linux-x86_64: ND4J starts from the real site's common and linux64 jars alone, with the oneDNN build. */
    @Test
    void realSiteNativesRunNd4j() throws Exception {
        Path real = baseDir().resolve("target/update-site");
        assumeTrue(Files.isRegularFile(real.resolve("db.xml.gz")), "no target/update-site (run mvn -Pupdate-site package)");
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"), "linux64 only");
        SiteRecords r = new SiteRecords(real);
        List<String> cp = new ArrayList<>();
        cp.add(Path.of(SiteNd4jSmoke.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        for (SiteRecords.Record rec : r.records.values())
            if (rec.filename().endsWith(".jar") && (rec.platforms().isEmpty() || rec.platforms().contains("linux64")))
                cp.add(rec.file(real).toString());
        for (Path p : runtimeJars) if (fijiProvided.contains(artifactId(p))) cp.add(p.toString());
        Path cache = Files.createDirectories(tmp.resolve("javacpp-cache"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.bytedeco.javacpp.cachedir=" + cache, "-cp", String.join(java.io.File.pathSeparator, cp),
                SiteNd4jSmoke.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("linux-x86_64-onednn"), "the oneDNN build loaded:\n" + out);
    }

    // ---- helpers -----------------------------------------------------------------------------

    static Map<String, String> checksums(SiteRecords r) {
        Map<String, String> m = new TreeMap<>();
        r.records.values().forEach(x -> m.put(x.filename(), x.checksum()));
        return m;
    }

    static Path baseDir() {
        String b = System.getProperty("basedir");
        return b != null ? Path.of(b) : Path.of("").toAbsolutePath();
    }

    static String pomProperty(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</").matcher(pom);
        assertTrue(m.find(), name + " in pom.xml");
        return m.group(1);
    }

    static List<String> csv(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    /** The artifact id of a jar in Maven repository layout (.../artifactId/version/file.jar). */
    static String artifactId(Path jar) {
        Path v = jar.getParent();
        return v == null || v.getParent() == null ? "" : v.getParent().getFileName().toString();
    }

    /** The test class path; surefire may hand it over in a manifest-only booter jar. */
    static List<Path> testClassPath() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String s : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(s);
            if (p.getFileName().toString().startsWith("surefirebooter")) {
                try (JarFile j = new JarFile(p.toFile())) {
                    Manifest mf = j.getManifest();
                    for (String u : mf.getMainAttributes().getValue("Class-Path").split(" "))
                        if (!u.isBlank()) out.add(Path.of(URI.create(p.toUri().resolve(u).toString())));
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** The plugin jar as maven-jar-plugin makes it, from target/classes without the site builder. */
    static Path pluginJarFromClasses(Path jar) throws Exception {
        Path classes = Path.of(UpdateSiteBuilder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isRegularFile(classes.resolve("plugins.config")), "plugins.config in " + classes);
        Files.createDirectories(jar.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = classes.relativize(p).toString().replace('\\', '/');
                if (name.startsWith("org/hipposnn/site/")) continue;
                ZipEntry e = new ZipEntry(name);
                e.setLastModifiedTime(FileTime.fromMillis(0));
                zip.putNextEntry(e);
                Files.copy(p, zip);
                zip.closeEntry();
            }
        }
        return jar;
    }

    static void writeZip(Path file, Map<String, String> entries, String manifest) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            if (manifest != null) {
                ZipEntry m = new ZipEntry("META-INF/MANIFEST.MF");
                m.setLastModifiedTime(FileTime.fromMillis(0));
                zip.putNextEntry(m);
                zip.write(manifest.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            for (var e : new TreeMap<>(entries).entrySet()) {
                ZipEntry z = new ZipEntry(e.getKey());
                z.setLastModifiedTime(FileTime.fromMillis(0));
                zip.putNextEntry(z);
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }
}
