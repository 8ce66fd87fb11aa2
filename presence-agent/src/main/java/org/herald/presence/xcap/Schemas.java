package org.herald.presence.xcap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The XML schemas of the application usages, compiled once from {@code src/main/resources/xcap/}
 * and never from the network: imports (including {@code http://www.w3.org/2001/xml.xsd}) resolve
 * to the bundled files by name, anything else is refused, and both the factory and every validator
 * have external DTD and schema access turned off and secure processing on.
 */
final class Schemas {
    private static final String FOLDER = "/xcap/";
    private static final Set<String> BUNDLED = Set.of("xml.xsd", "common-policy.xsd", "pres-rules.xsd",
            "resource-lists.xsd", "rls-services.xsd", "pidf.xsd", "xcap-caps.xsd", "xcap-error.xsd");
    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();
    private static final LSResourceResolver REFUSE = (type, ns, publicId, systemId, base) -> {
        throw new IllegalStateException("validation may not load " + systemId);
    };

    private Schemas() {}

    /** The compiled schema of a bundled file, e.g. {@code pres-rules.xsd}; compiled on first use. */
    static Schema get(String file) {
        return COMPILED.computeIfAbsent(file, Schemas::compile);
    }

    /** The first validation error as a phrase, or empty if the document is valid. */
    static Optional<String> validate(String file, Document doc) {
        Validator validator = get(file).newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setResourceResolver(REFUSE);
            validator.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            validator.validate(new DOMSource(doc));
            return Optional.empty();
        } catch (SAXException e) {
            String message = e.getMessage() == null ? "invalid" : e.getMessage();
            return Optional.of(message.replaceFirst("^cvc-[a-zA-Z0-9.-]+: ", ""));
        } catch (IOException | IllegalStateException e) {
            return Optional.of("cannot validate: " + e.getMessage());
        }
    }

    private static Schema compile(String file) {
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DOMImplementationLS ls = (DOMImplementationLS) javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance()
                    .newDocumentBuilder().getDOMImplementation();
            factory.setResourceResolver((type, ns, publicId, systemId, base) -> {
                LSInput input = ls.createLSInput();
                String name = bundledName(systemId);
                input.setByteStream(open(name));
                input.setSystemId("xcap:" + name);
                input.setPublicId(publicId);
                return input;
            });
            return factory.newSchema(new StreamSource(open(bundledName(file)), "xcap:" + file));
        } catch (SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("cannot compile the bundled schema " + file + ": " + e.getMessage(), e);
        }
    }

    private static String bundledName(String systemId) {
        String name = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
        if (name.startsWith("xcap:")) name = name.substring("xcap:".length());
        if (!BUNDLED.contains(name)) throw new IllegalStateException("schema " + systemId + " is not bundled");
        return name;
    }

    private static InputStream open(String name) {
        InputStream in = Schemas.class.getResourceAsStream(FOLDER + name);
        if (in == null) throw new UncheckedIOException(new IOException("missing resource " + FOLDER + name));
        return in;
    }
}
