package io.roundtable.demo.reliability;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A bare RFC 6455 client on a plain TCP socket, for what a well-behaved client library refuses to
 * send: invalid UTF-8 in a text frame, frames split at will. Blocking and single-threaded; reads
 * the server's frames (unmasked) one at a time.
 */
final class RawSocket implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    /** The status of the upgrade answer (101 when it became a socket). */
    final int status;
    /** The upgrade answer's head (status line and headers). */
    final String head;
    /** The close code the server sent, once it closed. */
    Integer closeCode;

    private RawSocket(Socket socket, int status, String head, InputStream in) throws IOException {
        this.socket = socket;
        this.status = status;
        this.head = head;
        this.in = new DataInputStream(in);
        this.out = socket.getOutputStream();
    }

    /** Opens {@code ws://…} with an optional Origin; answers whatever the server said (101 or a refusal). */
    static RawSocket open(String wsUrl, String origin) throws IOException {
        URI uri = URI.create(wsUrl);
        Socket socket = new Socket("127.0.0.1", uri.getPort());
        socket.setSoTimeout(10_000);
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String request = "GET " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + " HTTP/1.1\r\nHost: 127.0.0.1:" + uri.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : 0;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int status = text.length() > 12 ? Integer.parseInt(text.substring(9, 12)) : -1;
        return new RawSocket(socket, status, text, in);
    }

    /** The value of a header of the upgrade answer, or null. */
    String header(String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    void sendText(byte[] payload) throws IOException {
        sendFrame(true, 0x1, payload);
    }

    void sendText(String text) throws IOException {
        sendText(text.getBytes(StandardCharsets.UTF_8));
    }

    /** One frame: {@code opcode} 1 text, 0 continuation, 2 binary, 8 close, 9 ping. Masked, as clients must. */
    void sendFrame(boolean fin, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65_536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xff);
            }
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /**
     * The next text frame's payload; null when the server closed (then {@link #closeCode} is set) or
     * nothing came within {@code timeoutMillis}.
     */
    String nextText(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        StringBuilder message = new StringBuilder();
        try {
            while (true) {
                int first = in.readUnsignedByte();
                int second = in.readUnsignedByte();
                long length = second & 0x7f;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                int opcode = first & 0x0f;
                if (opcode == 0x8) {
                    closeCode = payload.length >= 2 ? (payload[0] & 0xff) << 8 | payload[1] & 0xff : 1005;
                    return null;
                }
                if (opcode == 0x1 || opcode == 0x0) {
                    message.append(new String(payload, StandardCharsets.UTF_8));
                    if ((first & 0x80) != 0) {
                        return message.toString();
                    }
                }
            }
        } catch (SocketTimeoutException e) {
            return null;
        } catch (EOFException | java.net.SocketException e) {
            closeCode = closeCode == null ? 1006 : closeCode;
            return null;
        }
    }

    /** Reads until the server closes (or {@code timeoutMillis} passes); the close code, or null. */
    Integer awaitClose(int timeoutMillis) throws IOException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (closeCode == null && System.currentTimeMillis() < end) {
            nextText((int) Math.max(1, end - System.currentTimeMillis()));
        }
        return closeCode;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
