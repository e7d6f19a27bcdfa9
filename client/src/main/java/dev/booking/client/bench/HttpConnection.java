package dev.booking.client.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection, used by one thread, one request at a time.
 *
 * <p>Deliberately minimal (a request line, three headers, Content-Length or chunked bodies): a load
 * generator sharing two cores with the node it measures must spend as little CPU per request as it
 * can, and a general-purpose client (java.net.http) costs several times more per request.
 */
final class HttpConnection implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 30_000;
    private static final int MAX_LINE = 16 * 1024;

    private final String host;
    private final int port;
    private final String hostHeader;
    private final byte[] line = new byte[MAX_LINE];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    record Response(int status, boolean replayed, String body) {
    }

    HttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
        this.hostHeader = host + ":" + port;
    }

    /**
     * Sends a request and reads its response. A keep-alive connection the server has closed fails on
     * first use; then the request goes once more on a new connection, which is safe here because every
     * booking command is idempotent by its ids.
     */
    Response exchange(String method, String target, String body) throws IOException {
        byte[] request = request(method, target, body);
        boolean reused = socket != null;
        try {
            return exchangeOnce(request);
        } catch (IOException e) {
            close();
            if (!reused) {
                throw e;
            }
            return exchangeOnce(request);
        }
    }

    private Response exchangeOnce(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        out.write(request);
        out.flush();
        return read();
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(TIMEOUT_MILLIS);
        s.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(s.getOutputStream(), 4 * 1024);
    }

    private byte[] request(String method, String target, String body) {
        StringBuilder head = new StringBuilder(160 + (body == null ? 0 : body.length()))
                .append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: ").append(hostHeader);
        if (body != null) {
            head.append("\r\nContent-Type: application/json\r\nContent-Length: ").append(body.length());
        }
        head.append("\r\n\r\n");
        if (body != null) {
            head.append(body);
        }
        // Request lines and bodies are ASCII: ids are [A-Za-z0-9._:-] and the JSON is written here.
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private Response read() throws IOException {
        String statusLine = readLine();
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(statusLine, 9, 12, 10);
        long length = -1;
        boolean chunked = false;
        boolean closes = statusLine.startsWith("HTTP/1.0");
        boolean replayed = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, Math.max(colon, 0)).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase().contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                closes = value.equalsIgnoreCase("close");
            } else if (name.equalsIgnoreCase("Idempotent-Replayed")) {
                replayed = value.equalsIgnoreCase("true");
            }
        }
        byte[] body = chunked ? readChunked() : length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
        if (length >= 0 && body.length < length) {
            throw new EOFException("the connection closed in the middle of a response body");
        }
        if (closes || (!chunked && length < 0)) {
            close();
        }
        return new Response(status, replayed, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine();
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (length == 0) {
                while (!readLine().isEmpty()) {
                    // trailers: none expected, skipped
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(length);
            if (chunk.length < length) {
                throw new EOFException("the connection closed in the middle of a chunk");
            }
            body.write(chunk);
            readLine();
        }
    }

    /** A header line without its CRLF; an EOFException when the server closed the connection. */
    private String readLine() throws IOException {
        int length = 0;
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (length == MAX_LINE) {
                throw new IOException("a response line longer than " + MAX_LINE + " bytes");
            }
            line[length++] = (byte) b;
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing is best effort: the connection is dropped either way.
            }
            socket = null;
            in = null;
            out = null;
        }
    }
}
