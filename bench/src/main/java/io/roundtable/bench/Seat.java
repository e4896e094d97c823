package io.roundtable.bench;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonPatch;

import io.roundtable.core.json.Json;
import io.roundtable.core.view.Deltas;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * One member's client: joined over REST, following its frame over the socket, sending commands. It applies
 * each patch to its own frame in place, as a browser client patches its state, so following a room costs the
 * load generator the patch's size and not a copy of the whole frame: the frame is changed only on the socket's
 * event loop, under this seat's lock, and other threads read it through {@link #read}.
 */
final class Seat {
    final String base;
    final String room;
    final String member;
    final String token;
    private volatile JsonNode frame;
    volatile long version = -1;
    /**
     * The version of this seat's last accepted move until its frame shows it ({@link Long#MAX_VALUE} while
     * the answer is on its way, {@code -1} for none): like the browser demo, a client sends no second move
     * before it has seen its first one.
     */
    volatile long moveInFlight = -1;
    /** The sampled patch, events and frame bytes of this seat's game so far (see {@link Stats#SAMPLE_EVERY}). */
    volatile long gamePatchBytes;
    volatile long gameEventBytes;
    /** Patches this seat received (it receives on one event loop), to sample one in {@link Stats#SAMPLE_EVERY}. */
    private long patchesSeen;
    /** The version of the last sampled patch, until its {@code events} frame (if any) has been sampled too. */
    private long sampledVersion = -1;
    volatile long gameFrameBytes;
    volatile WebSocket socket;
    private final Map<String, Promise<JsonNode>> pending = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong refs = new java.util.concurrent.atomic.AtomicLong();
    volatile Consumer<Seat> onFrame = s -> { };
    volatile Consumer<JsonNode> onMessage = m -> { };
    final Stats stats;
    /** {@code {"type":"snapshot","version":N,"frame":…}} around a frame, roughly. */
    private static final int SNAPSHOT_ENVELOPE = 40;

    /** Whether a move of this seat is on its way or not yet in its frame. */
    boolean moving() {
        return version < moveInFlight;
    }

    /** The socket protocol this client asks for: 1, or 2 (a change's events and our reply ride on its patch). */
    private final int protocol;

    private Seat(String base, String room, String member, String token, Stats stats, int protocol) {
        this.base = base;
        this.room = room;
        this.member = member;
        this.token = token;
        this.stats = stats;
        this.protocol = protocol;
    }

    static Future<Seat> join(Load load, String base, String room, String name, Stats stats, int protocol) {
        String body = "{\"name\":\"" + name + "\",\"client\":\"" + name + "-" + room + "\"}";
        return load.call(base, HttpMethod.POST, "/api/rooms/" + room + "/members", body, null, 201)
                .map(j -> new Seat(base, room, j.get("member").asText(), j.get("token").asText(), stats, protocol));
    }

    Future<Seat> connect(Load load) {
        URI uri = URI.create(base);
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort())
                .setURI("/ws/rooms/" + room + "?token=" + token + (protocol == 2 ? "&protocol=2" : ""));
        return load.ws.connect(options).onSuccess(ws -> load.vertx.setPeriodic(10_000 + (long) (Math.random() * 1000), t -> {
            if (ws.isClosed()) {
                load.vertx.cancelTimer(t);
            } else {
                ws.writeTextMessage("{\"type\":\"ping\"}");
            }
        })).recover(failure -> Future.failedFuture(
                failure instanceof io.vertx.core.http.UpgradeRejectedException rejected
                        ? "socket refused " + rejected.getStatus() + " " + rejected.getHeaders().get("X-Roundtable-Error")
                                + " for " + member + " in " + room
                        : failure.toString())).map(ws -> {
            socket = ws;
            ws.textMessageHandler(this::receive);
            ws.closeHandler(v -> stats.closed.increment());
            return this;
        });
    }

    private void receive(String text) {
        JsonNode node = Json.read(text, JsonNode.class);
        switch (node.path("type").asText()) {
            case "snapshot" -> {
                stats.snapshotBytes.add(text.length());
                stats.snapshots.increment();
                synchronized (this) {
                    frame = node.get("frame");
                    version = node.get("version").asLong();
                }
                onFrame.accept(this);
            }
            case "patch" -> {
                stats.patchBytes.add(text.length());
                long n = patchesSeen++;
                stats.patches.increment();
                synchronized (this) {
                    applyInPlace(frame, node.get("ops"), node.get("version").asLong());
                    version = node.get("version").asLong();
                }
                if (n % Stats.SAMPLE_EVERY == 0) {
                    // What a snapshot of this version would have cost, for a sample of the patches: writing
                    // every frame out would take the load generator's CPU from the server it measures.
                    long frameBytes = frame.toString().length() + SNAPSHOT_ENVELOPE;
                    stats.sampledPatchBytes.add(text.length());
                    stats.sampledFrameBytes.add(frameBytes);
                    gamePatchBytes += text.length();
                    gameFrameBytes += frameBytes;
                    sampledVersion = version;
                }
                onFrame.accept(this);
                // Protocol 2: the change's events and the answer to this seat's own command ride on the patch
                // (their bytes are in the patch's); protocol 1 sends them as frames of their own.
                if (node.has("events")) {
                    stats.events.increment();
                }
                if (node.has("reply")) {
                    answer(node.get("reply"));
                }
            }
            case "events" -> {
                // Sent after the patch of the same change: part of what a change costs on the wire.
                stats.eventBytes.add(text.length());
                stats.events.increment();
                if (node.path("version").asLong() == sampledVersion) {
                    stats.sampledEventBytes.add(text.length());
                    gameEventBytes += text.length();
                    sampledVersion = -1;
                }
            }
            case "message" -> onMessage.accept(node.get("message"));
            case "reply", "pong" -> answer(node);
            case "error" -> stats.rejection(node.at("/error/code").asText());
            default -> {
            }
        }
    }

    /** Completes the command or ping waiting for {@code reply} (matched by its {@code ref}). */
    private void answer(JsonNode reply) {
        Promise<JsonNode> waiting = pending.remove(reply.path("ref").asText());
        if (waiting != null) {
            waiting.tryComplete(reply);
        }
    }

    /**
     * What {@code reader} makes of this seat's frame and {@link #version} as one (null frame before the first
     * snapshot): the socket's event loop patches the frame in place, so a reader on another thread holds the lock.
     */
    synchronized <T> T read(Function<JsonNode, T> reader) {
        return reader.apply(frame);
    }

    /**
     * Applies {@code ops} to {@code frame} in place and sets {@code /room/version}: the same tree
     * {@link io.roundtable.core.view.Frames#applyDelta} returns as a copy (it keeps the version's number type,
     * so a patched frame equals the snapshot of the same version node for node).
     */
    static void applyInPlace(JsonNode frame, JsonNode ops, long version) {
        JsonPatch.applyInPlace(ops, frame);
        ObjectNode room = (ObjectNode) frame.get("room");
        if (room.path("version").isInt() && version == (int) version) {
            room.put("version", (int) version);
        } else {
            room.put("version", version);
        }
    }

    /** Sends a command record over the socket; completes with the reply frame. Every client pings every ~10 s. */
    Future<JsonNode> send(String json) {
        String ref = "r" + refs.incrementAndGet();
        Promise<JsonNode> promise = Promise.promise();
        pending.put(ref, promise);
        socket.writeTextMessage(json.substring(0, json.length() - 1) + ",\"ref\":\"" + ref + "\"}");
        return promise.future();
    }

    void close() {
        if (socket != null && !socket.isClosed()) {
            socket.close();
        }
    }
}
