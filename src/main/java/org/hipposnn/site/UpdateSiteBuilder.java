package org.hipposnn.site;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.io.OutputStreamWriter;
import java.util.zip.GZIPOutputStream;

/**
 * Lays out a Fiji update site (../shared/guide/FIJI.md, "Update site format"): the plugin jar
 * under {@code plugins/}, the runtime dependencies Fiji does not ship under {@code jars/}, ND4J's
 * natives under {@code jars/<platform>/}, model bundles under {@code models/}, each stored as
 * {@code <path>-<timestamp>}, and {@code db.xml.gz} with checksums, sizes and dependencies.
 *
 * <p>A build-time tool run by the {@code update-site} Maven profile (and by the tests): it uses the
 * JDK only and is left out of the plugin jar, so it adds nothing to the plugin's run time.
 */
public final class UpdateSiteBuilder {

    /** Fiji's platform names and the JavaCPP classifier prefix of the natives each one takes. */
    public static final Map<String, String> PLATFORM_CLASSIFIERS = Map.of(
            "linux64", "linux-x86_64",
            "linux-arm64", "linux-arm64",
            "win64", "windows-x86_64",
            "macos64", "macosx-x86_64",
            "macos-arm64", "macosx-arm64");

    /** Classifiers of per-platform native jars; these never go to the common {@code jars/}. */
    private static final Pattern NATIVE_CLASSIFIER = Pattern.compile("(linux|windows|macosx|android|ios)-.*");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{14}");

    private final Path out;
    private final String timestamp;
    private Path pluginJar;
    private final List<Path> classPath = new ArrayList<>();
    private final Set<String> fijiProvided = new LinkedHashSet<>();
    private final Set<String> notNeeded = new LinkedHashSet<>();
    private final Map<String, Path> nativeDirs = new TreeMap<>();
    private Path modelsDir;
    private String description = "";
    private final List<String> report = new ArrayList<>();
    private Path previousDb;

    public UpdateSiteBuilder(Path out, String timestamp) {
        if (!TIMESTAMP.matcher(timestamp).matches())
            throw new IllegalArgumentException("timestamp must be yyyyMMddHHmmss, not " + timestamp);
        this.out = out;
        this.timestamp = timestamp;
    }

    /** The current time (UTC) as an updater timestamp. */
    public static String now() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    }

    public UpdateSiteBuilder pluginJar(Path jar) { this.pluginJar = jar; return this; }

    /** The plugin's runtime class path (jars in Maven repository layout); natives and left-out ones are filtered. */
    public UpdateSiteBuilder classPath(List<Path> jars) { classPath.addAll(jars); return this; }

    /** Artifact ids that Fiji ships itself: left out so that Fiji's own (newer) copies are used. */
    public UpdateSiteBuilder fijiProvided(Iterable<String> artifactIds) { artifactIds.forEach(fijiProvided::add); return this; }

    /** Artifact ids the plugin does not need inside Fiji (the CLI's picocli, an SLF4J binding). */
    public UpdateSiteBuilder notNeeded(Iterable<String> artifactIds) { artifactIds.forEach(notNeeded::add); return this; }

    /** A folder of native jars for one Fiji platform (linux64, win64, macos64, macos-arm64, linux-arm64). */
    public UpdateSiteBuilder natives(String platform, Path dir) {
        if (!PLATFORM_CLASSIFIERS.containsKey(platform)) throw new IllegalArgumentException("unknown platform " + platform);
        nativeDirs.put(platform, dir);
        return this;
    }

    /** The repository's models/ folder: every *.zip bundle in it ships; README and cards do not. */
    public UpdateSiteBuilder models(Path dir) { this.modelsDir = dir; return this; }

    public UpdateSiteBuilder description(String text) { this.description = text; return this; }

    /**
     * The db.xml.gz of the site as published now. Its versions become {@code <previous-version>}
     * records, so that the updater recognises an installed older file as updatable (rather than
     * "locally modified"), also when the version in its name changed, and marks files this
     * upload no longer has as obsolete.
     */
    public UpdateSiteBuilder previous(Path dbXmlGz) { this.previousDb = dbXmlGz; return this; }

    /** What was left out and why, one line each, after {@link #build()}. */
    public List<String> report() { return report; }

    /** One file of the site: where it installs, its source, its platform (or null). */
    private record Entry(String sitePath, Path source, String platform) {
    }

    public void build() throws IOException {
        if (pluginJar == null || !Files.isRegularFile(pluginJar)) throw new IOException("no plugin jar: " + pluginJar);
        Map<String, Entry> entries = new TreeMap<>();
        add(entries, new Entry("plugins/" + pluginJar.getFileName(), pluginJar, null));
        for (Path jar : classPath) {
            if (!jar.toString().endsWith(".jar")) continue; // class folders
            MavenFile m = MavenFile.of(jar);
            if (m.classifier != null && NATIVE_CLASSIFIER.matcher(m.classifier).matches()) {
                report.add("natives of the build platform, shipped per platform instead: " + jar.getFileName());
            } else if (fijiProvided.contains(m.artifactId)) {
                report.add("Fiji ships it: " + jar.getFileName());
            } else if (notNeeded.contains(m.artifactId)) {
                report.add("not needed inside Fiji: " + jar.getFileName());
            } else {
                add(entries, new Entry("jars/" + m.siteName(), jar, null));
            }
        }
        for (Map.Entry<String, Path> platform : nativeDirs.entrySet()) {
            String prefix = PLATFORM_CLASSIFIERS.get(platform.getKey());
            for (Path jar : list(platform.getValue(), ".jar")) {
                MavenFile m = MavenFile.of(jar);
                if (m.classifier == null || !m.classifier.startsWith(prefix))
                    throw new IOException(jar + " is not a " + prefix + " native jar, so it cannot ship for " + platform.getKey());
                add(entries, new Entry("jars/" + platform.getKey() + "/" + m.siteName(), jar, platform.getKey()));
            }
        }
        if (modelsDir != null && Files.isDirectory(modelsDir)) {
            for (Path zip : list(modelsDir, ".zip")) add(entries, new Entry("models/" + zip.getFileName(), zip, null));
        }

        clean(out);
        Files.createDirectories(out);
        Map<String, String> checksums = new LinkedHashMap<>();
        for (Entry e : entries.values()) {
            checksums.put(e.sitePath, UpdaterChecksum.of(e.source, e.sitePath));
            Path target = out.resolve(e.sitePath + "-" + timestamp);
            Files.createDirectories(target.getParent());
            Files.copy(e.source, target);
        }
        writeDb(entries, checksums);
    }

    private static void add(Map<String, Entry> entries, Entry e) throws IOException {
        if (entries.putIfAbsent(e.sitePath, e) != null)
            throw new IOException("two files would install as " + e.sitePath + ": " + entries.get(e.sitePath).source + " and " + e.source);
    }

    private void writeDb(Map<String, Entry> entries, Map<String, String> checksums) throws IOException {
        Map<String, List<PreviousVersions.Version>> previous = previousDb == null ? Map.of() : PreviousVersions.read(previousDb);
        Map<String, String> newByKey = new TreeMap<>();
        for (String path : entries.keySet()) newByKey.put(PreviousVersions.unversioned(path), path);
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").append(DTD).append("<pluginRecords>\n");
        for (Map.Entry<String, List<PreviousVersions.Version>> old : previous.entrySet()) {
            if (newByKey.containsKey(old.getKey())) continue;
            // Gone from this upload: a record without a current version marks it obsolete.
            String filename = old.getValue().get(0).filename();
            xml.append(" <plugin filename=\"").append(escape(filename)).append("\">\n");
            if (old.getValue().get(0).platform() != null)
                xml.append("  <platform>").append(escape(old.getValue().get(0).platform())).append("</platform>\n");
            appendPrevious(xml, old.getValue(), filename, null);
            xml.append(" </plugin>\n");
            report.add("obsolete from this upload on: " + filename);
        }
        for (Entry e : entries.values()) {
            xml.append(" <plugin filename=\"").append(escape(e.sitePath)).append("\">\n");
            if (e.platform != null) xml.append("  <platform>").append(e.platform).append("</platform>\n");
            xml.append("  <version checksum=\"").append(checksums.get(e.sitePath))
                    .append("\" timestamp=\"").append(timestamp)
                    .append("\" filesize=\"").append(Files.size(e.source)).append("\">\n");
            if (e.sitePath.startsWith("plugins/")) {
                if (!description.isEmpty()) xml.append("   <description>").append(escape(description)).append("</description>\n");
                // The plugin needs every library and native jar of this site; the updater installs
                // only the natives of the user's platform.
                for (Entry dep : entries.values()) {
                    if (dep.sitePath.startsWith("jars/"))
                        xml.append("   <dependency filename=\"").append(escape(dep.sitePath))
                                .append("\" timestamp=\"").append(timestamp).append("\"/>\n");
                }
            }
            xml.append("  </version>\n");
            appendPrevious(xml, previous.getOrDefault(PreviousVersions.unversioned(e.sitePath), List.of()), e.sitePath,
                    checksums.get(e.sitePath));
            xml.append(" </plugin>\n");
        }
        xml.append("</pluginRecords>\n");
        // GZIPOutputStream writes no modification time, so equal inputs give equal bytes.
        try (OutputStream file = Files.newOutputStream(out.resolve("db.xml.gz"));
             Writer w = new OutputStreamWriter(new GZIPOutputStream(file), StandardCharsets.UTF_8)) {
            w.write(xml.toString());
        }
    }

    private static void appendPrevious(StringBuilder xml, List<PreviousVersions.Version> versions, String filename, String current) {
        for (PreviousVersions.Version v : versions) {
            if (v.checksum().equals(current)) continue;
            xml.append("  <previous-version timestamp=\"").append(v.timestamp()).append("\" checksum=\"").append(v.checksum()).append('"');
            if (!v.filename().equals(filename)) xml.append(" filename=\"").append(escape(v.filename())).append('"');
            xml.append("/>\n");
        }
    }

    /** The updater's own document type (imagej-updater's XMLFileWriter). */
    private static final String DTD = "<!DOCTYPE pluginRecords [\n"
            + "<!ELEMENT pluginRecords ((update-site | disabled-update-site)*, plugin*)>\n"
            + "<!ELEMENT update-site EMPTY>\n"
            + "<!ELEMENT disabled-update-site EMPTY>\n"
            + "<!ELEMENT plugin (platform*, category*, version?, previous-version*)>\n"
            + "<!ELEMENT version (description?, dependency*, link*, author*)>\n"
            + "<!ELEMENT previous-version EMPTY>\n"
            + "<!ELEMENT description (#PCDATA)>\n"
            + "<!ELEMENT dependency EMPTY>\n"
            + "<!ELEMENT link (#PCDATA)>\n"
            + "<!ELEMENT author (#PCDATA)>\n"
            + "<!ELEMENT platform (#PCDATA)>\n"
            + "<!ELEMENT category (#PCDATA)>\n"
            + "<!ATTLIST update-site name CDATA #REQUIRED>\n"
            + "<!ATTLIST update-site url CDATA #REQUIRED>\n"
            + "<!ATTLIST update-site ssh-host CDATA #IMPLIED>\n"
            + "<!ATTLIST update-site upload-directory CDATA #IMPLIED>\n"
            + "<!ATTLIST update-site description CDATA #IMPLIED>\n"
            + "<!ATTLIST update-site maintainer CDATA #IMPLIED>\n"
            + "<!ATTLIST update-site timestamp CDATA #REQUIRED>\n"
            + "<!ATTLIST disabled-update-site name CDATA #REQUIRED>\n"
            + "<!ATTLIST disabled-update-site url CDATA #REQUIRED>\n"
            + "<!ATTLIST disabled-update-site ssh-host CDATA #IMPLIED>\n"
            + "<!ATTLIST disabled-update-site upload-directory CDATA #IMPLIED>\n"
            + "<!ATTLIST disabled-update-site description CDATA #IMPLIED>\n"
            + "<!ATTLIST disabled-update-site maintainer CDATA #IMPLIED>\n"
            + "<!ATTLIST disabled-update-site timestamp CDATA #REQUIRED>\n"
            + "<!ATTLIST plugin update-site CDATA #IMPLIED>\n"
            + "<!ATTLIST plugin filename CDATA #REQUIRED>\n"
            + "<!ATTLIST plugin executable CDATA #IMPLIED>\n"
            + "<!ATTLIST dependency filename CDATA #REQUIRED>\n"
            + "<!ATTLIST dependency timestamp CDATA #IMPLIED>\n"
            + "<!ATTLIST dependency overrides CDATA #IMPLIED>\n"
            + "<!ATTLIST version timestamp CDATA #REQUIRED>\n"
            + "<!ATTLIST version checksum CDATA #REQUIRED>\n"
            + "<!ATTLIST version filesize CDATA #REQUIRED>\n"
            + "<!ATTLIST previous-version filename CDATA #IMPLIED>\n"
            + "<!ATTLIST previous-version timestamp CDATA #REQUIRED>\n"
            + "<!ATTLIST previous-version timestamp-obsolete CDATA #IMPLIED>\n"
            + "<!ATTLIST previous-version checksum CDATA #REQUIRED>\n"
            + "]>\n";

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException("no such folder: " + dir);
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** Empties a previous site so that no stale file is uploaded with the new one. */
    private static void clean(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * A jar in Maven repository layout ({@code .../artifactId/version/artifactId-version[-classifier].jar}),
     * or any jar (then its name is its artifact id).
     */
    record MavenFile(String groupPath, String artifactId, String version, String classifier, String fileName) {

        static MavenFile of(Path jar) {
            String name = jar.getFileName().toString();
            Path versionDir = jar.getParent();
            Path artifactDir = versionDir == null ? null : versionDir.getParent();
            if (artifactDir != null && artifactDir.getParent() != null) {
                String artifactId = artifactDir.getFileName().toString();
                String version = versionDir.getFileName().toString();
                String base = artifactId + "-" + version;
                if (name.startsWith(base) && name.endsWith(".jar")) {
                    String rest = name.substring(base.length(), name.length() - 4);
                    String classifier = rest.startsWith("-") ? rest.substring(1) : null;
                    if (rest.isEmpty() || classifier != null)
                        return new MavenFile(artifactDir.getParent().toString().replace('\\', '/'), artifactId, version, classifier, name);
                }
            }
            // Not in repository layout (e.g. copied by maven-dependency-plugin): artifactId-version[-platform classifier].jar
            var m = Pattern.compile("(.+?)-(\\d.*?)(?:-((?:linux|windows|macosx|android|ios)-.*))?\\.jar").matcher(name);
            if (m.matches()) return new MavenFile("", m.group(1), m.group(2), m.group(3), name);
            return new MavenFile("", name.replaceFirst("\\.jar$", ""), "", null, name);
        }

        /**
         * The name under jars/. ND4J's repackaged libraries (org.nd4j:guava, :jackson, :protobuf)
         * get an "nd4j-" prefix: the updater identifies jars by their name without version, and a
         * plain guava-1.0.0-M2.1.jar would replace Fiji's own Guava.
         */
        String siteName() {
            return groupPath.endsWith("org/nd4j") && !artifactId.startsWith("nd4j") ? "nd4j-" + fileName : fileName;
        }
    }

    /**
     * Command line (the Maven profile's exec-maven-plugin execution):
     * {@code --out DIR --timestamp yyyyMMddHHmmss|now --plugin JAR --classpath FILE
     * --fiji-provided a,b --not-needed c,d --natives PLATFORM=DIR... --models DIR --description TEXT
     * --previous DB.XML.GZ|none}.
     * The class path file holds the runtime class path (maven-dependency-plugin:build-classpath).
     */
    public static void main(String[] args) throws IOException {
        Map<String, List<String>> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --option, got " + args[i]);
            opts.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[i + 1]);
        }
        String ts = one(opts, "timestamp", "now");
        UpdateSiteBuilder b = new UpdateSiteBuilder(Path.of(one(opts, "out", null)), ts.isBlank() || ts.equals("now") ? now() : ts)
                .pluginJar(Path.of(one(opts, "plugin", null)))
                .fijiProvided(csv(one(opts, "fiji-provided", "")))
                .notNeeded(csv(one(opts, "not-needed", "")))
                .description(one(opts, "description", ""));
        String cp = one(opts, "classpath", null);
        String text = Files.readString(Path.of(cp)).trim();
        if (!text.isEmpty()) b.classPath(Arrays.stream(text.split(java.io.File.pathSeparator)).map(Path::of).toList());
        for (String n : opts.getOrDefault("natives", List.of())) {
            int eq = n.indexOf('=');
            b.natives(n.substring(0, eq), Path.of(n.substring(eq + 1)));
        }
        String previous = one(opts, "previous", "none");
        if (!previous.equals("none")) {
            if (!Files.isRegularFile(Path.of(previous))) throw new IOException("no previous db.xml.gz at " + previous);
            b.previous(Path.of(previous));
        }
        String models = one(opts, "models", "");
        if (!models.isEmpty()) b.models(Path.of(models));
        b.build();
        b.report().forEach(line -> System.out.println("[update-site] left out: " + line));
        System.out.println("[update-site] wrote " + b.out.resolve("db.xml.gz") + " (timestamp " + b.timestamp + ")");
    }

    private static String one(Map<String, List<String>> opts, String key, String fallback) {
        List<String> v = opts.get(key);
        if (v == null || v.isEmpty()) {
            if (fallback == null) throw new IllegalArgumentException("--" + key + " is required");
            return fallback;
        }
        return v.get(v.size() - 1);
    }

    private static List<String> csv(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }
}
