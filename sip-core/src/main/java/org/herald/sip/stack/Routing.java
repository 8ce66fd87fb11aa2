package org.herald.sip.stack;

import gov.nist.javax.sip.message.MessageExt;
import gov.nist.javax.sip.stack.HopImpl;
import java.util.Locale;
import java.util.Set;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import javax.sip.address.SipURI;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.herald.sip.message.Flow;
import org.herald.sip.message.Transport;

/** Where Herald is and how a request leaves it: listening points, flows, own Route entries, Via and Record-Route. */
final class Routing {
    private final SipProvider provider;
    private final HeaderFactory headers;
    private final StackSettings settings;
    private final Set<String> openFlows;

    Routing(SipProvider provider, HeaderFactory headers, StackSettings settings, Set<String> openFlows) {
        this.provider = provider;
        this.headers = headers;
        this.settings = settings;
        this.openFlows = openFlows;
    }

    /** Sends along the flow when it is still there: UDP sources always are, connections while open. */
    void pinFlow(Request request, Flow flow) {
        if (flow == null) return;
        if (flow.transport() == Transport.UDP || openFlows.contains(flow.id())) {
            ((MessageExt) request).setApplicationData(new HopImpl(flow.remoteHost(), flow.remotePort(), flow.transport().name()));
        }
    }

    /** Removes the Route entries that name Herald itself (RFC 3261 §16.4); true if there were any. */
    boolean popOwnRoutes(Request request) {
        boolean popped = false;
        while (true) {
            RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
            if (route == null || !(route.getAddress().getURI() instanceof SipURI uri) || !isSelf(uri.getHost(), uri.getPort())) {
                return popped;
            }
            request.removeFirst(RouteHeader.NAME);
            popped = true;
        }
    }

    boolean isSelf(String host, int port) {
        if (!host.equalsIgnoreCase(settings.host())) return false;
        return settings.ports().containsValue(port <= 0 ? 5060 : port);
    }

    /** The transport to reach a target: its flow's, its URI's transport parameter, else UDP. */
    Transport outboundTransport(String requestUri, Flow flow) {
        if (flow != null) return flow.transport();
        int at = requestUri.toLowerCase(Locale.ROOT).indexOf(";transport=");
        if (at >= 0) {
            String t = requestUri.substring(at + 11).split("[;?>]", 2)[0];
            try {
                Transport transport = Transport.of(t);
                if (settings.ports().containsKey(transport)) return transport;
            } catch (IllegalArgumentException unknown) {
                // an unknown transport: fall back to UDP
            }
        }
        return settings.ports().containsKey(Transport.UDP) ? Transport.UDP : settings.ports().keySet().iterator().next();
    }

    ListeningPoint listeningPoint(Transport transport) {
        ListeningPoint lp = provider.getListeningPoint(transport.token());
        return lp != null ? lp : provider.getListeningPoints()[0];
    }

    /** Herald's Via for a request leaving on this transport; the stack picks the branch. */
    ViaHeader via(Transport transport) throws Exception {
        ListeningPoint lp = listeningPoint(transport);
        return headers.createViaHeader(lp.getIPAddress(), lp.getPort(), transport.token(), null);
    }

    Header recordRoute(Transport transport) throws Exception {
        ListeningPoint lp = listeningPoint(transport);
        String uri = "sip:" + lp.getIPAddress() + ":" + lp.getPort() + ";lr"
                + (transport == Transport.UDP ? "" : ";transport=" + transport.token());
        return headers.createHeader("Record-Route", "<" + uri + ">");
    }
}
