package org.herald.presence.reginfo;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.herald.presence.xml.SafeXml;
import org.herald.presence.xml.XmlLimits;

/** Reads reginfo documents back into the model, for tests: Herald itself only writes them. */
final class RegInfoReader {
    private RegInfoReader() {}

    static RegInfo read(byte[] xml) throws XMLStreamException {
        XMLStreamReader r = SafeXml.open(xml, XmlLimits.ofMaxBytes(1 << 20));
        expect(r, r.nextTag(), "reginfo");
        long version = Long.parseLong(r.getAttributeValue(null, "version"));
        String state = r.getAttributeValue(null, "state");
        if (!"full".equals(state) && !"partial".equals(state)) throw new IllegalArgumentException("state " + state);
        List<RegistrationElement> registrations = new ArrayList<>();
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            expect(r, XMLStreamConstants.START_ELEMENT, "registration");
            String aor = r.getAttributeValue(null, "aor");
            String id = r.getAttributeValue(null, "id");
            RegistrationState regState = RegistrationState.parse(r.getAttributeValue(null, "state"));
            List<ContactElement> contacts = new ArrayList<>();
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) contacts.add(contact(r));
            registrations.add(new RegistrationElement(aor, id, regState, contacts));
        }
        return new RegInfo(version, "full".equals(state), registrations);
    }

    private static ContactElement contact(XMLStreamReader r) throws XMLStreamException {
        expect(r, XMLStreamConstants.START_ELEMENT, "contact");
        String id = r.getAttributeValue(null, "id");
        ContactState state = ContactState.parse(r.getAttributeValue(null, "state"));
        ContactEvent event = ContactEvent.parse(r.getAttributeValue(null, "event"));
        Long duration = number(r.getAttributeValue(null, "duration-registered"));
        Long expires = number(r.getAttributeValue(null, "expires"));
        Long retryAfter = number(r.getAttributeValue(null, "retry-after"));
        String q = r.getAttributeValue(null, "q");
        String callId = r.getAttributeValue(null, "callid");
        Long cseq = number(r.getAttributeValue(null, "cseq"));
        String uri = null;
        String displayName = null;
        List<UnknownParam> params = new ArrayList<>();
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (r.getLocalName()) {
                case "uri" -> uri = r.getElementText().trim();
                case "display-name" -> displayName = r.getElementText();
                case "unknown-param" -> {
                    String name = r.getAttributeValue(null, "name");
                    params.add(new UnknownParam(name, r.getElementText()));
                }
                default -> throw new IllegalArgumentException("unexpected <" + r.getLocalName() + ">");
            }
        }
        return new ContactElement(id, state, event, duration, expires, retryAfter, q, callId, cseq, uri, displayName, params);
    }

    private static Long number(String value) {
        return value == null ? null : Long.valueOf(value.trim());
    }

    private static void expect(XMLStreamReader r, int event, String name) {
        if (event != XMLStreamConstants.START_ELEMENT || !name.equals(r.getLocalName())
                || !RegInfo.NAMESPACE.equals(r.getNamespaceURI())) {
            throw new IllegalArgumentException("expected <" + name + "> in " + RegInfo.NAMESPACE);
        }
    }
}
