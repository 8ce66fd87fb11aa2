package org.herald.server.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The socket under a {@link RawSipClient}: sends whole messages and hands every whole message received to
 * a {@link Sink}. Framing only: a datagram, a WebSocket message, or on a byte stream the head up to the
 * blank line plus Content-Length bytes (RFC 3261 §18.3), with keep-alive CRLFs skipped.
 */
interface SipWire extends AutoCloseable {

    /** Where received messages go, on the wire's reader thread. */
    interface Sink {
        void message(byte[] whole);

        /** The far end closed a connection-oriented flow. */
        void closed();
    }

    void send(byte[] message) throws IOException;

    /** The Via sent-by: address and port, or an invalid host name on WebSocket (RFC 7118 §5). */
    String sentBy();

    @Override
    void close();

    AtomicInteger THREADS = new AtomicInteger();
    Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(?:content-length|l)[ \\t]*:[ \\t]*(\\d+)");

    static SipWire udp(int localPort, int serverPort, Sink sink) {
        try {
            DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), localPort));
            InetSocketAddress server = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), serverPort);
            daemon("raw-sip-udp", () -> {
                byte[] buf = new byte[65535];
                while (!socket.isClosed()) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    try {
                        socket.receive(p);
                    } catch (IOException e) {
                        return;
                    }
                    sink.message(Arrays.copyOf(p.getData(), p.getLength()));
                }
            });
            return new SipWire() {
                @Override
                public void send(byte[] message) throws IOException {
                    socket.send(new DatagramPacket(message, message.length, server));
                }

                @Override
                public String sentBy() {
                    return "127.0.0.1:" + socket.getLocalPort();
                }

                @Override
                public void close() {
                    socket.close();
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SipWire tcp(int serverPort, Sink sink) {
        try {
            Socket s = new Socket();
            s.connect(new InetSocketAddress("127.0.0.1", serverPort), 5000);
            s.setTcpNoDelay(true);
            return stream(s, "tcp", sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** TLS to the server's self-signed certificate, trusted blindly. */
    static SipWire tls(int serverPort, Sink sink) {
        try {
            TrustManager trustAll = new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            };
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
            SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket();
            s.connect(new InetSocketAddress("127.0.0.1", serverPort), 5000);
            s.setSoTimeout(10_000);
            s.startHandshake();
            s.setSoTimeout(0);
            return stream(s, "tls", sink);
        } catch (Exception e) {
            throw new IllegalStateException("TLS connection to 127.0.0.1:" + serverPort + " failed", e);
        }
    }

    private static SipWire stream(Socket socket, String name, Sink sink) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        daemon("raw-sip-" + name, () -> readStream(in, sink));
        return new SipWire() {
            @Override
            public synchronized void send(byte[] message) throws IOException {
                out.write(message);
                out.flush();
            }

            @Override
            public String sentBy() {
                return "127.0.0.1:" + socket.getLocalPort();
            }

            @Override
            public void close() {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        };
    }

    private static void readStream(InputStream in, Sink sink) {
        try {
            while (true) {
                ByteArrayOutputStream message = new ByteArrayOutputStream();
                int last4 = 0;
                int b;
                while (last4 != 0x0d0a0d0a && (b = in.read()) >= 0) {
                    if (message.size() == 0 && (b == '\r' || b == '\n')) continue; // keep-alive
                    message.write(b);
                    last4 = (last4 << 8) | b;
                }
                if (last4 != 0x0d0a0d0a) break;
                Matcher length = CONTENT_LENGTH.matcher(message.toString(StandardCharsets.UTF_8));
                int size = length.find() ? Integer.parseInt(length.group(1)) : 0;
                byte[] body = in.readNBytes(size);
                if (body.length < size) break;
                message.writeBytes(body);
                sink.message(message.toByteArray());
            }
        } catch (IOException closed) {
            // the connection ended
        } finally {
            sink.closed();
        }
    }

    /** SIP over WebSocket (RFC 7118): subprotocol {@code sip}, one message per text frame, a random .invalid host. */
    static SipWire ws(int serverPort, Sink sink) {
        String host = RawSipClient.newToken() + ".invalid";
        CompletableFuture<Void> closedByServer = new CompletableFuture<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();
            private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    sink.message(text.toString().getBytes(StandardCharsets.UTF_8));
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                byte[] chunk = new byte[data.remaining()];
                data.get(chunk);
                binary.writeBytes(chunk);
                if (last) {
                    sink.message(binary.toByteArray());
                    binary.reset();
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closedByServer.complete(null);
                sink.closed();
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closedByServer.complete(null);
                sink.closed();
            }
        };
        WebSocket ws;
        try {
            ws = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("sip")
                    .connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create("ws://127.0.0.1:" + serverPort + "/"), listener)
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("WebSocket to 127.0.0.1:" + serverPort + " failed", e);
        }
        String subprotocol = ws.getSubprotocol();
        if (!"sip".equals(subprotocol)) {
            ws.abort();
            fail("the server must accept the WebSocket subprotocol 'sip' (RFC 7118 §4), it chose '" + subprotocol + "'");
        }
        return new SipWire() {
            @Override
            public synchronized void send(byte[] message) throws IOException {
                try {
                    ws.sendText(new String(message, StandardCharsets.UTF_8), true).get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IOException("WebSocket send failed", e);
                }
            }

            @Override
            public String sentBy() {
                return host;
            }

            /** A clean close: a Close frame, then the connection goes once the server answered (or after a second). */
            @Override
            public void close() {
                try {
                    ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
                    closedByServer.get(1, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // closing anyway
                } finally {
                    ws.abort();
                }
            }
        };
    }

    private static void daemon(String name, Runnable task) {
        Thread t = new Thread(task, name + "-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.start();
    }
}
