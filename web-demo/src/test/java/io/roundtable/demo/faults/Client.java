package io.roundtable.demo.faults;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.view.Frames;
import io.roundtable.demo.support.TestPlayer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * One member's client as the protocol asks clients to be: it follows its frame over the room socket
 * (snapshot, patches, synced), keeps its inbox sequence, and when the socket goes away it reconnects
 * with backoff — to the next node in its list — and resumes with its {@code version} and {@code inbox}.
 * Optionally it pings, and gives up on a socket that stayed silent too long (a dead network).
 *
 * <p>Everything runs on one Vert.x context per client; tests read the volatile fields.
 */
public final class Client {
    public final String room;
    public final String member;
    public final String token;
    private final Traffic traffic;
    private final Context context;
    private final List<String> bases;
    private int node;

    private volatile JsonNode frame;
    private volatile long version = -1;
    private volatile long inboxSeq;
    private WebSocket socket;
    private int generation;
    private long openedAtNanos;
    private long lastHeardNanos;
    private int failuresInRow;
    private boolean stopped;
    private long refs;
    private final Map<String, Promise<JsonNode>> pending = new HashMap<>();

    /** Ping every this many ms (0: never). */
    volatile long pingEveryMillis;
    /** Give up on a socket silent for this long and reconnect (0: never). */
    volatile long deadAfterMillis;
    /** Give up on a connection attempt that got no answer in this long. */
    volatile long attemptTimeoutMillis = 5_000;
    volatile Runnable onChange = () -> { };
    volatile Runnable onOpen = () -> { };
    /** Called with every frame the client comes to hold (on the client's context). */
    final List<java.util.function.Consumer<JsonNode>> watchers = new CopyOnWriteArrayList<>();

    /** What the client saw: every broken promise of the protocol is counted here. */
    public volatile String broken;
    public volatile int patchesOutOfOrder;
    public volatile int inboxGaps;
    public volatile int inboxDuplicates;
    public volatile int opens;
    public volatile int connectFailures;
    public volatile Integer lastCloseCode;
    public final List<JsonNode> messages = java.util.Collections.synchronizedList(new ArrayList<>());
    public final List<JsonNode> errors = new CopyOnWriteArrayList<>();

    private volatile long trackFromNanos;
    private final List<long[]> tracked = new CopyOnWriteArrayList<>();

    private Client(Traffic traffic, List<String> bases, int node, String room, String member, String token) {
        this.traffic = traffic;
        this.bases = List.copyOf(bases);
        this.node = node;
        this.room = room;
        this.member = member;
        this.token = token;
        this.context = traffic.vertx.getOrCreateContext();
    }

    /** Joins over REST (a blocking call, from the test thread) through {@code bases.get(node)}. */
    public static Client join(Traffic traffic, List<String> bases, int node, String room, String name) {
        TestPlayer joined = TestPlayer.join(bases.get(node), room, name, false);
        return new Client(traffic, bases, node, room, joined.member, joined.token);
    }

    public JsonNode frame() {
        return frame;
    }

    public long version() {
        return version;
    }

    public long inboxSeq() {
        return inboxSeq;
    }

    public String base() {
        return bases.get(node);
    }

    public boolean connected() {
        return socket != null;
    }

    Context context() {
        return context;
    }

    Traffic traffic() {
        return traffic;
    }

    /** Opens the socket (and keeps one open until {@link #stop()}). */
    public Client connect() {
        context.runOnContext(v -> open());
        if (pingEveryMillis > 0) {
            traffic.vertx.setPeriodic(pingEveryMillis, t -> context.runOnContext(v -> {
                if (stopped) {
                    traffic.vertx.cancelTimer(t);
                    return;
                }
                heartbeat();
            }));
        }
        return this;
    }

    /** Closes the socket for good. */
    public void stop() {
        context.runOnContext(v -> {
            stopped = true;
            generation++;
            if (socket != null) {
                socket.close();
                socket = null;
            }
        });
    }

    private void open() {
        if (stopped) {
            return;
        }
        int attempt = ++generation;
        URI base = URI.create(bases.get(node));
        String query = "?token=" + token + (version >= 0 ? "&version=" + version : "")
                + (inboxSeq > 0 ? "&inbox=" + inboxSeq : "");
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(base.getHost()).setPort(base.getPort())
                .setURI("/ws/rooms/" + room + query);
        long timer = traffic.vertx.setTimer(attemptTimeoutMillis, t -> {
            if (generation == attempt && socket == null) {
                failed();
            }
        });
        traffic.ws.connect(options).onComplete(result -> {
            traffic.vertx.cancelTimer(timer);
            if (generation != attempt || stopped) {
                if (result.succeeded()) {
                    result.result().close();
                }
                return;
            }
            if (result.failed()) {
                failed();
                return;
            }
            WebSocket ws = result.result();
            socket = ws;
            failuresInRow = 0;
            opens++;
            openedAtNanos = System.nanoTime();
            lastHeardNanos = openedAtNanos;
            ws.textMessageHandler(text -> {
                if (generation == attempt) {
                    receive(text);
                }
            });
            ws.closeHandler(x -> {
                if (generation == attempt) {
                    lastCloseCode = ws.closeStatusCode() == null ? null : ws.closeStatusCode().intValue();
                    lost();
                }
            });
            ws.exceptionHandler(e -> { });
            onOpen.run();
        });
    }

    /** A connection attempt failed or got no answer: the next one goes to the next node, after a backoff. */
    private void failed() {
        generation++;
        connectFailures++;
        failuresInRow++;
        node = (node + 1) % bases.size();
        long backoff = Math.min(1_000, 25L << Math.min(failuresInRow, 6));
        traffic.vertx.setTimer(backoff, t -> context.runOnContext(v -> open()));
    }

    /** The socket went away: unanswered commands stay unanswered (their senders retry); reconnect at once. */
    private void lost() {
        generation++;
        socket = null;
        new ArrayList<>(pending.values()).forEach(p -> p.tryFail("the socket closed before the reply"));
        pending.clear();
        if (stopped || Integer.valueOf(4401).equals(lastCloseCode) || Integer.valueOf(4404).equals(lastCloseCode)) {
            return;
        }
        node = (node + 1) % bases.size();
        open();
    }

    private void heartbeat() {
        if (socket == null) {
            return;
        }
        long silentFor = (System.nanoTime() - lastHeardNanos) / 1_000_000;
        if (deadAfterMillis > 0 && silentFor > deadAfterMillis) {
            WebSocket dead = socket;
            lastCloseCode = null;
            lost();
            dead.close();
            return;
        }
        socket.writeTextMessage("{\"type\":\"ping\"}");
    }

    /** Sends a command record over the socket; completes with the {@code reply} frame, fails if the socket goes. */
    public Future<JsonNode> send(ObjectNode command) {
        Promise<JsonNode> reply = Promise.promise();
        context.runOnContext(v -> {
            if (socket == null) {
                reply.tryFail("not connected");
                return;
            }
            String ref = "c" + (++refs);
            ObjectNode copy = command.deepCopy();
            copy.put("ref", ref);
            pending.put(ref, reply);
            socket.writeTextMessage(copy.toString());
        });
        return reply.future();
    }

    /** From now on, record when each frame arrives on sockets opened after {@code fromNanos}. */
    public void trackResume(long fromNanos) {
        tracked.clear();
        trackFromNanos = fromNanos;
    }

    /** For diagnostics: when sockets opened after the tracking start, and each (ms, version) seen on them. */
    public String trackedSummary() {
        StringBuilder out = new StringBuilder("opened at +" + (openedAtNanos - trackFromNanos) / 1_000_000 + " ms;");
        for (long[] seen : tracked) {
            out.append(" +").append((seen[0] - trackFromNanos) / 1_000_000).append("ms:v").append(seen[1]);
        }
        return out.toString();
    }

    /**
     * Nanoseconds from the tracking start until a socket opened after it held version {@code target}
     * or newer: the client was resumed and in sync. -1 if that never happened.
     */
    public long resumedAfterNanos(long target) {
        for (long[] seen : tracked) {
            if (seen[1] >= target) {
                return seen[0] - trackFromNanos;
            }
        }
        return -1;
    }

    private void receive(String text) {
        lastHeardNanos = System.nanoTime();
        JsonNode node = Json.read(text, JsonNode.class);
        switch (node.path("type").asText()) {
            case "snapshot" -> {
                frame = node.get("frame");
                version = node.get("version").asLong();
                changed();
            }
            case "patch" -> {
                if (node.get("from").asLong() != version) {
                    patchesOutOfOrder++;
                    broken = "patch from " + node.get("from") + " to " + node.get("version") + " but the client is at "
                            + version;
                    ObjectNode sync = Json.mapper().createObjectNode();
                    sync.put("type", "sync");
                    socket.writeTextMessage(sync.toString());
                    return;
                }
                version = node.get("version").asLong();
                frame = Frames.applyDelta(frame, node.get("ops"), version);
                changed();
            }
            case "synced" -> {
                version = node.get("version").asLong();
                changed();
            }
            case "message" -> {
                long seq = node.at("/message/seq").asLong();
                if (seq <= inboxSeq) {
                    inboxDuplicates++;
                    return;
                }
                if (seq != inboxSeq + 1) {
                    inboxGaps++;
                }
                inboxSeq = seq;
                messages.add(node.get("message"));
            }
            case "gap" -> inboxSeq = node.get("to").asLong();
            case "reply" -> {
                Promise<JsonNode> waiting = pending.remove(node.path("ref").asText());
                if (waiting != null) {
                    waiting.tryComplete(node);
                }
            }
            case "error" -> errors.add(node);
            default -> {
            }
        }
    }

    private void changed() {
        if (trackFromNanos > 0 && openedAtNanos > trackFromNanos) {
            tracked.add(new long[] { System.nanoTime(), version });
        }
        JsonNode current = frame;
        watchers.forEach(w -> w.accept(current));
        onChange.run();
    }
}
