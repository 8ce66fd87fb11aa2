package org.herald.sip.stack;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.SIPHeaderList;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.Parameters;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.herald.sip.message.Flow;
import org.herald.sip.message.Headers;
import org.herald.sip.message.NameAddr;
import org.herald.sip.message.OutgoingRequest;
import org.herald.sip.message.SipRequest;
import org.herald.sip.message.SipResponse;
import org.herald.sip.message.Transport;

/** Translates between JAIN-SIP messages and the core's records. */
final class MessageConverter {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SERVER = "Herald";

    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;

    MessageConverter(AddressFactory addresses, HeaderFactory headers, MessageFactory messages) {
        this.addresses = addresses;
        this.headers = headers;
        this.messages = messages;
    }

    /** The flow a request arrived on: for UDP the packet's source, for the rest the connection's far end. */
    static Flow flowOf(SIPMessage message) {
        MessageChannel channel = (MessageChannel) ((SIPRequest) message).getMessageChannel();
        Transport transport = Transport.of(channel.getTransport());
        return new Flow(transport, message.getPeerPacketSourceAddress().getHostAddress(), message.getPeerPacketSourcePort());
    }

    SipRequest toCore(Request request, String localHost, int localPort) {
        SIPMessage m = (SIPMessage) request;
        Flow flow = flowOf(m);
        Headers.Builder all = headersOf(request).toBuilder();
        for (Iterator<String> raw = m.getUnrecognizedHeaders(); raw.hasNext(); ) {
            String line = raw.next();
            int colon = line.indexOf(':');
            if (colon > 0) all.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        List<NameAddr> contacts = new ArrayList<>();
        boolean wildcard = false;
        for (ListIterator<Header> hs = request.getHeaders(ContactHeader.NAME); hs.hasNext(); ) {
            ContactHeader c = (ContactHeader) hs.next();
            if (c.isWildCard()) wildcard = true;
            else contacts.add(nameAddr(c.getAddress(), c));
        }
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        String localTarget = localHost + ":" + localPort
                + (flow.transport() == Transport.UDP ? "" : ";transport=" + flow.transport().token());
        return new SipRequest(request.getMethod(), request.getRequestURI().toString(),
                nameAddr(from.getAddress(), from), nameAddr(to.getAddress(), to),
                ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId(),
                ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber(),
                contacts, wildcard, all.build(), request.getRawContent(), flow, localTarget);
    }

    private static NameAddr nameAddr(Address address, Parameters params) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<String> names = params.getParameterNames(); names.hasNext(); ) {
            String name = names.next();
            String value = params.getParameter(name);
            // JAIN-SIP strips the quotes of quoted-string values (+sip.instance); keep them so the
            // value can be written back as it came
            if (value != null && params instanceof gov.nist.javax.sip.header.ParametersHeader ph
                    && ph.getNameValue(name) != null && ph.getNameValue(name).isValueQuoted()) {
                value = '"' + value + '"';
            }
            map.put(name.toLowerCase(Locale.ROOT), value == null ? "" : value);
        }
        return new NameAddr(address.getDisplayName(), address.getURI().toString(), map);
    }

    Response toStack(SipResponse response, Request request) throws ParseException, javax.sip.SipException {
        Response r = messages.createResponse(response.status(), request);
        r.setReasonPhrase(response.reason());
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        if (to.getTag() == null && response.status() > 100) {
            to.setTag(response.toTag() != null ? response.toTag() : newTag());
        }
        r.addHeader(headers.createServerHeader(List.of(SERVER)));
        ContentTypeHeader contentType = addHeaders(r, response.headers());
        if (response.body().length > 0 && contentType != null) r.setContent(response.body(), contentType);
        return r;
    }

    Request toStack(OutgoingRequest out) throws ParseException, InvalidArgumentException, javax.sip.SipException {
        FromHeader from = headers.createFromHeader(address(out.from()), out.from().tag());
        ToHeader to = headers.createToHeader(address(out.to()), out.to().tag());
        Request r = messages.createRequest(addresses.createURI(out.requestUri()), out.method(),
                headers.createCallIdHeader(out.callId()), headers.createCSeqHeader(out.cseq(), out.method()),
                from, to, new ArrayList<ViaHeader>(), headers.createMaxForwardsHeader(70));
        for (String route : out.routeSet()) r.addLast(headers.createHeader("Route", route));
        ContentTypeHeader contentType = addHeaders(r, out.headers());
        if (contentType != null) r.setContent(out.body(), contentType);
        return r;
    }

    /**
     * Adds each header; a value that is a comma-separated list (Allow, Accept, Supported) becomes one
     * header per element, which is how the stack holds them. Returns the Content-Type, kept apart
     * because the stack sets it together with the body.
     */
    private ContentTypeHeader addHeaders(javax.sip.message.Message message, Headers toAdd)
            throws ParseException, javax.sip.SipException {
        ContentTypeHeader contentType = null;
        for (var e : toAdd.entries()) {
            if (e.getKey().equalsIgnoreCase("Content-Type")) {
                contentType = (ContentTypeHeader) headers.createHeader(ContentTypeHeader.NAME, e.getValue());
                continue;
            }
            SIPHeader parsed = new StringMsgParser().parseSIPHeader(e.getKey() + ": " + e.getValue());
            if (parsed instanceof SIPHeaderList<?> list) {
                for (Object one : list) message.addHeader((Header) one);
            } else {
                message.addHeader(parsed);
            }
        }
        return contentType;
    }

    private Address address(NameAddr nameAddr) throws ParseException {
        Address a = addresses.createAddress(addresses.createURI(nameAddr.uri()));
        if (nameAddr.displayName() != null) a.setDisplayName(nameAddr.displayName());
        return a;
    }

    javax.sip.address.URI uri(String text) throws ParseException {
        return addresses.createURI(text);
    }

    Headers headersOf(javax.sip.message.Message message) {
        Headers.Builder all = Headers.builder();
        for (Iterator<String> names = message.getHeaderNames(); names.hasNext(); ) {
            String name = names.next();
            for (ListIterator<Header> hs = message.getHeaders(name); hs.hasNext(); ) {
                all.add(name, ((SIPHeader) hs.next()).getHeaderValue().trim());
            }
        }
        return all.build();
    }

    static String newTag() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
