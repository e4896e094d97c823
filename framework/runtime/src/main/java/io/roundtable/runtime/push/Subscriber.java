package io.roundtable.runtime.push;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.bucket4j.Bucket;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.roundtable.core.json.Json;
import io.roundtable.core.view.Frame;
import io.roundtable.runtime.protocol.ServerMessage;

/** One open room socket on this node: who it is for and what it has been sent so far. */
public final class Subscriber {
    final String room;
    final String member;
    final WebSocketConnection connection;
    private final Bucket frames;
    private final String client;
    /** The socket protocol the client asked for: 1, or 2 (events and the reply inside the patch). */
    private final int protocol;
    /**
     * The frame last sent. While the room is busy it is kept as its parts ({@link Frame}: the game's view
     * typed, the next delta is taken from it); once the socket has had no push for a while
     * ({@link #compact}) it is kept as compact JSON bytes instead, and the next delta is taken from those.
     * Exactly one of the two is set when a frame was sent.
     */
    private Frame lastParts;
    private byte[] lastBytes;
    private long lastPushNanos;
    long lastVersion = -1;
    long lastInboxSeq;
    /**
     * Set once the socket's catch-up (on open, or on a {@code sync}) has been sent. Pushes skip a socket
     * until then: the catch-up reads the room after them and covers their versions, and a push before it
     * would start the client on a frame that the catch-up's first patch does not start from.
     */
    volatile boolean caughtUp;
    private volatile Instant lastHeard = Instant.now();
    private volatile Instant lastHeartbeatWrite = Instant.EPOCH;
    private int rejectedInARow;

    public Subscriber(String room, String member, WebSocketConnection connection, Bucket frames, String client,
            int protocol) {
        this.room = room;
        this.member = member;
        this.connection = connection;
        this.frames = frames;
        this.client = client;
        this.protocol = protocol;
    }

    public int protocol() {
        return protocol;
    }

    public String room() {
        return room;
    }

    public String member() {
        return member;
    }

    public String client() {
        return client;
    }

    public WebSocketConnection connection() {
        return connection;
    }

    /** The frame last sent as its parts, or null when none was sent or it is kept as bytes. */
    synchronized Frame lastParts() {
        return lastParts;
    }

    /** The frame last sent as JSON (parsed from its bytes when the socket was quiet). */
    synchronized JsonNode lastTree() {
        return lastParts != null ? lastParts.tree() : lastBytes == null ? null : Json.read(lastBytes);
    }

    synchronized void lastFrame(Frame frame) {
        lastParts = frame;
        lastBytes = null;
        lastPushNanos = System.nanoTime();
    }

    synchronized boolean hasFrame() {
        return lastParts != null || lastBytes != null;
    }

    /** Keeps the last frame as bytes if nothing was pushed for {@code quiet}; true if it did. */
    public synchronized boolean compact(Duration quiet) {
        if (lastParts == null || System.nanoTime() - lastPushNanos < quiet.toNanos()) {
            return false;
        }
        lastBytes = Json.bytes(lastParts.tree());
        lastParts = null;
        return true;
    }

    /** Sends a message on this socket, if it is still open; a failed send ends with the socket. */
    public void send(ServerMessage message) {
        send(Json.write(message));
    }

    /** Sends a message already written as JSON. */
    void send(String text) {
        if (connection.isOpen()) {
            connection.sendText(text).subscribe().with(x -> { }, e -> { });
        }
    }

    /** Closes this socket with a code from {@link CloseCodes} and its reason. */
    void close(int code, String reason) {
        connection.close(new CloseReason(code, reason)).subscribe().with(x -> { }, e -> { });
    }

    public Instant lastHeard() {
        return lastHeard;
    }

    /**
     * Counts one socket message from the client against its rate. Returns how many messages in a row were over
     * the rate (0 when this one is within it).
     */
    public synchronized int messageArrived() {
        lastHeard = Instant.now();
        if (frames.tryConsume(1)) {
            rejectedInARow = 0;
        } else {
            rejectedInARow++;
        }
        return rejectedInARow;
    }

    /** Whether a heartbeat should be written now (they are written at most every {@code every}). */
    public boolean heartbeatDue(Duration every) {
        Instant now = Instant.now();
        if (Duration.between(lastHeartbeatWrite, now).compareTo(every) < 0) {
            return false;
        }
        lastHeartbeatWrite = now;
        return true;
    }
}
