package io.github.oauthtoken.core.faults;

import io.github.oauthtoken.testservers.LoopbackSocketServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server that answers each connection with the next scripted fault, on raw sockets so it can
 * misbehave in ways a real server library would not let it: reset the connection, close without answering, send
 * broken chunked framing, or never answer. The last step repeats.
 */
final class FaultServer extends LoopbackSocketServer {

    /** One scripted answer. */
    interface Step {
        void answer(Socket socket, OutputStream out) throws IOException;
    }

    static Step respond(int status, String contentType, String body, String... headers) {
        return (socket, out) -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " X\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            for (String header : headers) {
                head.append(header).append("\r\n");
            }
            head.append("Content-Length: ").append(bytes.length).append("\r\nConnection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
        };
    }

    static Step json(int status, String body, String... headers) {
        return respond(status, "application/json", body, headers);
    }

    static Step token(String token) {
        return json(200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":3600}");
    }

    /** A TCP reset: SO_LINGER 0 then close. */
    static Step reset() {
        return (socket, out) -> {
            socket.setSoLinger(true, 0);
            socket.close();
        };
    }

    /** The connection closes without a byte of response. */
    static Step closeEmpty() {
        return (socket, out) -> socket.close();
    }

    /** A chunked body whose chunk size is not hexadecimal. */
    static Step malformedChunked() {
        return (socket, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "zz\r\n{\"access_token\":\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.close();
        };
    }

    /** Accepts, reads the request and never answers (until the server closes). */
    static Step hang() {
        return (socket, out) -> {
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** A body of {@code bytes} bytes, announced with its length. */
    static Step huge(int bytes) {
        return (socket, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[8192];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try {
                for (int sent = 0; sent < bytes; sent += chunk.length) {
                    out.write(chunk, 0, Math.min(chunk.length, bytes - sent));
                }
            } catch (SocketException e) {
                // The client refused the rest, as it should.
            }
        };
    }

    private final List<Step> script;
    private final AtomicInteger attempts = new AtomicInteger();
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    FaultServer(Step... script) throws IOException {
        super(0, "fault-server");
        this.script = List.of(script);
    }

    @Override
    protected void handle(Socket socket) throws IOException {
        requests.add(readRequest(socket.getInputStream()));
        int index = attempts.getAndIncrement();
        script.get(Math.min(index, script.size() - 1)).answer(socket, socket.getOutputStream());
    }

    int attempts() {
        return attempts.get();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }
}
