package io.roundtable.demo.faults;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.roundtable.core.json.Json;
import io.roundtable.demo.support.AvalonMoves;

/**
 * Plays one Avalon seat through a {@link Client} the way a careful client does: it acts only on what
 * its own frame offers ({@code youMay}), after a short think; every action carries the version it was
 * decided on and an idempotency key; an action whose reply never came (the socket or the node went
 * away, or the store failed) is sent again with the same key until it is answered. It records every
 * acknowledged key with the version the server gave it.
 */
public final class AvalonPlayer {
    /** One decided action: its key, the exact command, and how often it was sent. */
    static final class Attempt {
        final String key;
        final ObjectNode command;
        int sends;
        boolean answeredLast;

        Attempt(String key, ObjectNode command) {
            this.key = key;
            this.command = command;
        }
    }

    public final Client client;
    private final AtomicBoolean hold;
    private final Random random;
    private final int thinkMinMillis;
    private final int thinkMaxMillis;
    private Attempt inFlight;
    private long lastTried = -1;
    private boolean thinking;

    /** Acknowledged idempotency keys and the version each was applied at, in order. */
    public final Map<String, Long> acknowledged = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    /** Commands sent again with the same key because no answer came. */
    public volatile int resent;
    /** Refusals of decided actions (a stale version after the other player moved first, and the like). */
    public volatile int refused;
    /** A key answered with two different versions: the idempotency promise broken. */
    public volatile int conflictingAnswers;
    public volatile int retriedAfterStoreErrors;
    /** The seat this player holds (from its frame, once the game runs). */
    public volatile int seat = -1;

    /**
     * @param hold while set, nothing is sent (decided actions wait, and go out with their key when released)
     */
    public AvalonPlayer(Client client, AtomicBoolean hold, long seed, int thinkMinMillis, int thinkMaxMillis) {
        this.client = client;
        this.hold = hold;
        this.random = new Random(seed);
        this.thinkMinMillis = thinkMinMillis;
        this.thinkMaxMillis = thinkMaxMillis;
        client.onChange = this::poke;
        client.onOpen = this::opened;
    }

    public boolean finished() {
        JsonNode frame = client.frame();
        return frame != null && frame.at("/room/phase").asText().equals("FINISHED");
    }

    /** Whether an action is out and unanswered. */
    public boolean waiting() {
        return inFlight != null;
    }

    /** Call after the hold was lifted (any thread). */
    public void release() {
        client.context().runOnContext(v -> {
            if (inFlight != null) {
                transmit(inFlight);
            } else {
                poke();
            }
        });
    }

    private void opened() {
        if (inFlight != null) {
            transmit(inFlight);
        } else {
            poke();
        }
    }

    private void poke() {
        JsonNode frame = client.frame();
        if (frame == null) {
            return;
        }
        if (seat < 0 && frame.at("/game/you").isInt()) {
            seat = frame.at("/game/you").asInt();
        }
        if (hold.get() || inFlight != null || thinking || client.version() == lastTried
                || !frame.at("/room/phase").asText().equals("PLAY") || AvalonMoves.next(frame).isEmpty()) {
            return;
        }
        thinking = true;
        int think = thinkMinMillis + random.nextInt(Math.max(1, thinkMaxMillis - thinkMinMillis));
        client.traffic().vertx.setTimer(think, t -> client.context().runOnContext(v -> {
            thinking = false;
            decide();
        }));
    }

    private void decide() {
        JsonNode frame = client.frame();
        long version = client.version();
        if (hold.get() || inFlight != null || version == lastTried || !client.connected()) {
            return;
        }
        Optional<JsonNode> move = AvalonMoves.next(frame);
        if (move.isEmpty() || !frame.at("/room/phase").asText().equals("PLAY")) {
            return;
        }
        String key = client.member + "-" + version;
        ObjectNode command = Json.mapper().createObjectNode();
        command.put("type", "act");
        command.set("action", move.get());
        command.put("expectedVersion", version);
        command.put("idempotencyKey", key);
        lastTried = version;
        inFlight = new Attempt(key, command);
        transmit(inFlight);
    }

    private void transmit(Attempt attempt) {
        if (hold.get() || !client.connected() || inFlight != attempt) {
            return;
        }
        attempt.sends++;
        if (attempt.sends > 1 && !attempt.answeredLast) {
            resent++;
        }
        attempt.answeredLast = false;
        int sendsNow = attempt.sends;
        // No answer in time on a live socket: send it again, same key.
        client.traffic().vertx.setTimer(5_000, t -> client.context().runOnContext(v -> {
            if (inFlight == attempt && attempt.sends == sendsNow) {
                transmit(attempt);
            }
        }));
        client.send(attempt.command).onComplete(result -> {
            if (inFlight != attempt || result.failed()) {
                return; // the socket went: opened() sends it again on the next one
            }
            JsonNode reply = result.result();
            attempt.answeredLast = true;
            if (reply.path("ok").asBoolean()) {
                long version = reply.get("version").asLong();
                Long earlier = acknowledged.putIfAbsent(attempt.key, version);
                if (earlier != null && earlier != version) {
                    conflictingAnswers++;
                }
                inFlight = null;
                poke();
                return;
            }
            String code = reply.at("/error/code").asText();
            if (code.equals("server/error") || code.equals("server/unconfirmed") || code.equals("room/busy")
                    || code.equals("rate/limited")) {
                retriedAfterStoreErrors++;
                client.traffic().vertx.setTimer(200, t -> client.context().runOnContext(v -> transmit(attempt)));
                return;
            }
            refused++;
            inFlight = null;
            poke();
        });
    }
}
