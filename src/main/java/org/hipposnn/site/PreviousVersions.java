package org.hipposnn.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The versions a published db.xml.gz lists (current and previous), by the updater's version-less file name. */
final class PreviousVersions {

    record Version(String filename, String platform, String timestamp, String checksum) {
    }

    private PreviousVersions() {
    }

    /** The updater identifies a file by its path without version: jars/foo-1.2.jar and jars/foo-1.3.jar are one file. */
    static String unversioned(String path) {
        return path.replaceFirst("-\\d[^/]*?(-(linux|windows|macosx)-[^/]*)?\\.jar$", "$1.jar");
    }

    static Map<String, List<Version>> read(Path dbXmlGz) throws IOException {
        Document doc;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dbXmlGz))) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            doc = f.newDocumentBuilder().parse(in);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException(dbXmlGz + " is not an update site database: " + e.getMessage(), e);
        }
        Map<String, List<Version>> out = new TreeMap<>();
        NodeList plugins = doc.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element p = (Element) plugins.item(i);
            String filename = p.getAttribute("filename");
            NodeList platforms = p.getElementsByTagName("platform");
            String platform = platforms.getLength() == 0 ? null : platforms.item(0).getTextContent().trim();
            List<Version> versions = out.computeIfAbsent(unversioned(filename), k -> new ArrayList<>());
            for (String tag : List.of("version", "previous-version")) {
                NodeList n = p.getElementsByTagName(tag);
                for (int j = 0; j < n.getLength(); j++) {
                    Element v = (Element) n.item(j);
                    String name = v.hasAttribute("filename") ? v.getAttribute("filename") : filename;
                    versions.add(new Version(name, platform, v.getAttribute("timestamp"), v.getAttribute("checksum")));
                }
            }
        }
        return out;
    }
}
