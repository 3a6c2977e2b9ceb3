package io.github.oauthtoken.testservers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A raw-socket server on loopback, one daemon thread per connection, for test servers that must misbehave or relay
 * in ways an HTTP server library would not allow (the fault server, the proxy).
 */
public abstract class LoopbackSocketServer implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());

    protected LoopbackSocketServer(int port, String name) throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> acceptLoop(name), name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Serves one connection; the socket is closed afterwards. */
    protected abstract void handle(Socket socket) throws IOException;

    private void acceptLoop(String name) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread worker = new Thread(() -> {
                    try (socket) {
                        handle(socket);
                    } catch (IOException | RuntimeException e) {
                        // The client went away: part of several scenarios; the tests look at what arrived.
                    }
                }, name + "-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Reads the head and the Content-Length body of one request. */
    public static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                break;
            }
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (open) {
            for (Socket socket : open) {
                socket.close();
            }
        }
    }
}
