package io.roundtable.demo.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.view.Deltas;

/**
 * A player's client for tests, on the JDK's own HTTP and WebSocket clients: joins over REST, keeps
 * its frame up to date from the socket's snapshots and patches, and records everything it received.
 */
public final class TestPlayer {
    public static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public final String base;
    public final String room;
    public final String member;
    public final String token;
    public final List<JsonNode> received = new CopyOnWriteArrayList<>();
    public final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    /** Every frame this client held, by version. */
    public final java.util.Map<Long, JsonNode> history = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile JsonNode frame;
    private volatile long version = -1;
    private volatile WebSocket socket;
    public volatile Integer closeCode;
    /** The reason the server gave with its close frame, if any. */
    public volatile String closeReason;
    private volatile CompletableFuture<Void> closed = new CompletableFuture<>();
    /** Set when a patch did not start from the version this client held (the protocol's promise broken). */
    public volatile String broken;
    private int protocol = 1;

    private TestPlayer(String base, String room, String member, String token) {
        this.base = base;
        this.room = room;
        this.member = member;
        this.token = token;
    }

    /** Creates a room and returns its id. */
    public static String createRoom(String base, String game, String optionsJson, int bots) {
        String body = "{\"game\":\"" + game + "\",\"bots\":" + bots + (optionsJson == null ? "" : ",\"options\":" + optionsJson)
                + "}";
        JsonNode created = expect(201, send(base, "POST", "/api/rooms", body, null));
        return created.get("id").asText();
    }

    /** Joins a room as a player (or spectator). */
    public static TestPlayer join(String base, String room, String name, boolean spectator) {
        String body = "{\"name\":\"" + name + "\",\"spectator\":" + spectator + ",\"client\":\"" + name + "\"}";
        JsonNode joined = expect(201, send(base, "POST", "/api/rooms/" + room + "/members", body, null));
        return new TestPlayer(base, room, joined.get("member").asText(), joined.get("token").asText());
    }

    /** A REST call with this member's token; returns the raw response. */
    public HttpResponse<String> call(String method, String path, String body) {
        return send(base, method, "/api/rooms/" + room + path, body, token);
    }

    public JsonNode ok(String method, String path, String body) {
        return expect(200, call(method, path, body));
    }

    public static HttpResponse<String> send(String base, String method, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    public static JsonNode expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + " but got " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? null : Json.read(response.body(), JsonNode.class);
    }

    /** The same member's client talking to another node, keeping its frame, version and inbox. */
    public TestPlayer on(String otherBase) {
        TestPlayer moved = new TestPlayer(otherBase, room, member, token);
        moved.frame = frame;
        moved.version = version;
        moved.messages.addAll(messages);
        moved.received.addAll(received);
        return moved;
    }

    /** The socket protocol this client asks for (docs/protocol.md); 1 unless set. */
    public TestPlayer protocol(int asked) {
        protocol = asked;
        return this;
    }

    /** Opens the room socket, resuming from what this client already has. */
    public TestPlayer connect(String origin) {
        closed = new CompletableFuture<>();
        closeCode = null;
        String query = "?token=" + token + (version >= 0 ? "&version=" + version : "")
                + (protocol > 1 ? "&protocol=" + protocol : "")
                + (messages.isEmpty() ? "" : "&inbox=" + messages.get(messages.size() - 1).get("seq").asLong());
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        if (origin != null) {
            builder.header("Origin", origin);
        }
        String ws = base.replaceFirst("^http", "ws") + "/ws/rooms/" + room + query;
        socket = builder.buildAsync(URI.create(ws), new Listener()).join();
        return this;
    }

    public void sendFrame(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends up to {@code count} pings as fast as it can, stopping when the server closes the socket. */
    public void flood(int count) {
        for (int i = 0; i < count && closeCode == null; i++) {
            try {
                sendFrame("{\"type\":\"ping\"}");
            } catch (java.util.concurrent.CompletionException closed) {
                return;
            }
        }
    }

    /** Drops the socket without a goodbye, as a lost network would. */
    public void drop() {
        socket.abort();
    }

    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    public JsonNode frame() {
        return frame;
    }

    public long version() {
        return version;
    }

    /** Waits until the frame satisfies {@code condition}. */
    public JsonNode awaitFrame(Predicate<JsonNode> condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            JsonNode current = frame;
            if (current != null && condition.test(current)) {
                return current;
            }
            sleep();
        }
        throw new AssertionError("the frame never satisfied the condition; last frame: " + frame);
    }

    /** Waits for a received frame of {@code type} matching {@code condition}. */
    public JsonNode awaitReceived(String type, Predicate<JsonNode> condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (JsonNode r : received) {
                if (type.equals(r.path("type").asText()) && condition.test(r)) {
                    return r;
                }
            }
            sleep();
        }
        throw new AssertionError("no " + type + " frame arrived; received: " + received);
    }

    public void awaitClosed(Duration timeout) {
        try {
            closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the socket was not closed", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void onFrame(JsonNode node) {
        received.add(node);
        switch (node.path("type").asText()) {
            case "snapshot" -> {
                frame = node.get("frame");
                version = node.get("version").asLong();
                history.put(version, frame);
            }
            case "patch" -> {
                if (node.get("from").asLong() != version) {
                    broken = "patch from " + node.get("from") + " but the client is at " + version;
                    return;
                }
                version = node.get("version").asLong();
                frame = io.roundtable.core.view.Frames.applyDelta(frame, node.get("ops"), version);
                history.put(version, frame);
            }
            case "synced" -> version = node.get("version").asLong();
            case "message" -> messages.add(node.get("message"));
            default -> {
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                onFrame(Json.read(partial.toString(), JsonNode.class));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode = statusCode;
            closeReason = reason;
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(null);
        }
    }

    public static ObjectNode object() {
        return Json.mapper().createObjectNode();
    }

    public static List<String> types(List<JsonNode> frames) {
        List<String> types = new ArrayList<>();
        frames.forEach(f -> types.add(f.path("type").asText()));
        return types;
    }
}
