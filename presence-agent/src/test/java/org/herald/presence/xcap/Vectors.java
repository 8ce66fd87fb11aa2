package org.herald.presence.xcap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.herald.presence.xml.SafeDom;
import org.herald.presence.xml.XmlLimits;
import org.w3c.dom.Document;

/** The files under {@code src/test/resources/xcap/vectors/} (see its README). */
final class Vectors {
    private Vectors() {}

    static Path path(String relative) {
        try {
            return Path.of(Vectors.class.getResource("/xcap/vectors/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no vector " + relative, e);
        }
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document dom(String relative) {
        try {
            return SafeDom.parse(bytes(relative), XmlLimits.DEFAULT);
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The non-comment lines of a table, split on '|' and trimmed. */
    static Stream<String[]> table(String relative) {
        try {
            List<String> lines = Files.readAllLines(path(relative));
            return lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> Stream.of(l.split("\\|", -1)).map(String::trim).toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The XML files of a folder, sorted. */
    static List<Path> documents(String folder) {
        try (Stream<Path> files = Files.list(path(folder))) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
