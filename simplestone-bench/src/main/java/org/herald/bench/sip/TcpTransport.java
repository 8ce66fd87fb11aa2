package org.herald.bench.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One TCP or TLS connection; the server's NOTIFYs come back over it (the flow the SUBSCRIBE arrived on).
 * TLS trusts any certificate: the bench measures a server, it does not authenticate it (test servers
 * run self-signed certificates).
 */
public final class TcpTransport implements Transport {
    private final Socket socket;
    private final OutputStream out;
    private final Thread reader;
    private final AtomicLong malformed = new AtomicLong();

    private final boolean tls;

    TcpTransport(String host, int port, Consumer<SipMessage> receiver, boolean tls) throws IOException {
        this.tls = tls;
        Socket plain = new Socket();
        plain.setTcpNoDelay(true);
        plain.connect(new InetSocketAddress(host, port), 5000);
        if (tls) {
            javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) trustAll().getSocketFactory().createSocket(plain, host, port, true);
            s.startHandshake();
            socket = s;
        } else {
            socket = plain;
        }
        out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16384);
        reader = Thread.ofPlatform().name("sip-tcp-" + socket.getLocalPort()).daemon().start(() -> read(receiver));
    }

    private void read(Consumer<SipMessage> receiver) {
        byte[] buffer = new byte[4 * SipParser.MAX_MESSAGE];
        int filled = 0;
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buffer, filled, buffer.length - filled)) > 0) {
                filled += n;
                int start = 0;
                int length;
                while ((length = SipParser.frame(buffer, start, filled - start)) > 0) {
                    if (length > 4 || buffer[start] != '\r') {
                        try {
                            receiver.accept(SipParser.parse(buffer, start, length));
                        } catch (SipParser.Malformed | RuntimeException e) {
                            malformed.incrementAndGet();
                        }
                    }
                    start += length;
                }
                System.arraycopy(buffer, start, buffer, 0, filled - start);
                filled -= start;
            }
        } catch (SipParser.Malformed e) {
            malformed.incrementAndGet(); // a stream we cannot frame is lost: stop reading
        } catch (IOException closed) {
            // connection closed
        }
    }

    private static javax.net.ssl.SSLContext trustAll() throws IOException {
        try {
            javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
            ctx.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
                @Override
                public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) { }

                @Override
                public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) { }

                @Override
                public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                    return new java.security.cert.X509Certificate[0];
                }
            }}, null);
            return ctx;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("TLS unavailable", e);
        }
    }

    @Override
    public synchronized void send(byte[] message) throws IOException {
        out.write(message);
        out.flush(); // one write per message: the buffer only keeps TLS from splitting it into records
    }

    @Override
    public String local() {
        return socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
    }

    @Override
    public String name() {
        return tls ? "TLS" : "TCP";
    }

    @Override
    public boolean reliable() {
        return true;
    }

    @Override
    public long malformed() {
        return malformed.get();
    }

    @Override
    public void close() {
        try {
            socket.close();
            reader.join(2000);
        } catch (IOException ignored) {
            // closing anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
