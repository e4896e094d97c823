package io.roundtable.demo.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.roundtable.core.json.Json;
import io.roundtable.demo.support.TestPlayer;

/**
 * One Avalon game over real sockets: five players choosing random legal moves from their own
 * {@code youMay}, the evil who share the channel writing to it, everyone (the spectator member too)
 * sending random direct messages, and one seat outside the channel trying to write to it. Every
 * client keeps every frame it was sent (the spy's record).
 */
final class SpyTable {
    /** A message a client sent and the server accepted: who, to whom ({@code evil} for the channel), what. */
    record Sent(String from, String to, String text) {
    }

    final String room;
    final List<TestPlayer> seats = new ArrayList<>();
    final TestPlayer spectator;
    final List<Sent> sent = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    /** Answers to writes into the evil channel by someone outside it. */
    final List<String> outsiderAnswers = new ArrayList<>();
    private final Random random;
    private final int game;
    private final Map<TestPlayer, Client> clients = new HashMap<>();
    private int refs;
    private final Map<String, Sent> pendingMessages = new HashMap<>();
    private final Map<String, String> pendingOutsider = new HashMap<>();

    /** What the driver remembers of one client's commands. */
    private static final class Client {
        int seen;
        String pending;
        long actedAt = -1;
        boolean lastFailed;
        long failedAt;
        long pingedAt = System.currentTimeMillis();
    }

    /** Refused actions by code (a frame that was stale by the time it arrived), for the report. */
    final Map<String, Integer> refusedActions = new java.util.TreeMap<>();

    SpyTable(String base, int game, Random random) {
        this.game = game;
        this.random = random;
        ObjectNode options = RandomTable.options(random);
        room = TestPlayer.createRoom(base, "avalon", Json.write(options), 0);
        for (int seat = 0; seat < 5; seat++) {
            seats.add(TestPlayer.join(base, room, "Player " + seat, false));
        }
        spectator = TestPlayer.join(base, room, "Watcher", true);
        for (TestPlayer p : all()) {
            p.connect(Arena.ORIGIN);
            clients.put(p, new Client());
        }
        seats.forEach(p -> p.ok("POST", "/ready", "{\"ready\":true}"));
    }

    List<TestPlayer> all() {
        List<TestPlayer> all = new ArrayList<>(seats);
        all.add(spectator);
        return all;
    }

    static boolean finished(TestPlayer p) {
        JsonNode frame = p.frame();
        return frame != null && frame.at("/room/phase").asText().equals("FINISHED");
    }

    /** Plays until every client holds the finished game, or the time is up. */
    boolean play(long timeoutMillis) {
        long end = System.currentTimeMillis() + timeoutMillis;
        boolean outsiderTried = false;
        boolean spectatorTried = false;
        int loops = 0;
        while (System.currentTimeMillis() < end) {
            if (all().stream().allMatch(SpyTable::finished)) {
                return true;
            }
            loops++;
            for (TestPlayer p : all()) {
                readReplies(p);
                Client c = clients.get(p);
                if (System.currentTimeMillis() - c.pingedAt > 5_000) {
                    c.pingedAt = System.currentTimeMillis();
                    p.sendFrame("{\"type\":\"ping\"}"); // heartbeats keep the seat (docs/protocol.md)
                }
            }
            for (TestPlayer p : seats) {
                JsonNode frame = p.frame();
                Client c = clients.get(p);
                if (frame == null || c.pending != null || finished(p)) {
                    continue;
                }
                JsonNode may = frame.at("/game/youMay");
                boolean retry = c.lastFailed && System.currentTimeMillis() - c.failedAt > 250;
                if (may.isArray() && !may.isEmpty() && (p.version() != c.actedAt || retry)) {
                    act(p, frame, may.get(random.nextInt(may.size())));
                    talk(p, frame);
                } else if (!outsiderTried && frame.at("/room/phase").asText().equals("PLAY")
                        && frame.path("channels").isEmpty()) {
                    outsiderTried = true;
                    writeToEvil(p);
                }
            }
            if (loops % 40 == 0 && !finished(spectator) && spectator.frame() != null
                    && spectator.frame().at("/room/phase").asText().equals("PLAY")) {
                if (!spectatorTried) {
                    spectatorTried = true;
                    writeToEvil(spectator);
                } else {
                    direct(spectator);
                }
            }
            Arena.pause(3);
        }
        return false;
    }

    private String ref(String kind) {
        return "g" + game + "-" + kind + "-" + ++refs;
    }

    private void act(TestPlayer p, JsonNode frame, JsonNode choice) {
        ObjectNode action = Json.mapper().createObjectNode();
        String kind = choice.get("action").asText();
        action.put("type", kind);
        switch (kind) {
            case "propose" -> {
                List<Integer> seatsOffered = new ArrayList<>();
                choice.get("seats").forEach(s -> seatsOffered.add(s.asInt()));
                java.util.Collections.shuffle(seatsOffered, random);
                seatsOffered.subList(0, choice.get("teamSize").asInt()).forEach(action.putArray("team")::add);
            }
            case "vote" -> action.put("vote", pick(choice.get("choices")).asText());
            case "quest" -> action.put("card", pick(choice.get("choices")).asText());
            default -> action.put("target", pick(choice.get("seats")).asInt());
        }
        Client c = clients.get(p);
        c.pending = ref("act");
        c.actedAt = p.version();
        ObjectNode command = Json.mapper().createObjectNode();
        command.put("type", "act");
        command.set("action", action);
        command.put("ref", c.pending);
        p.sendFrame(Json.write(command));
    }

    private JsonNode pick(JsonNode array) {
        return array.get(random.nextInt(array.size()));
    }

    /** After acting: the evil who share the channel sometimes write to it; anyone sometimes writes to someone. */
    private void talk(TestPlayer p, JsonNode frame) {
        JsonNode channels = frame.path("channels");
        if (!channels.isEmpty() && channels.get(0).path("canWrite").asBoolean() && random.nextInt(4) == 0) {
            String text = "evil " + game + "." + refs;
            send(p, "{\"kind\":\"channel\",\"channel\":\"evil\"}", new Sent(p.member, "evil", text));
        }
        if (random.nextInt(6) == 0) {
            direct(p);
        }
    }

    private void direct(TestPlayer p) {
        List<TestPlayer> others = new ArrayList<>(all());
        others.remove(p);
        TestPlayer to = others.get(random.nextInt(others.size()));
        String text = "dm " + game + "." + refs;
        send(p, "{\"kind\":\"direct\",\"member\":\"" + to.member + "\"}", new Sent(p.member, to.member, text));
    }

    private void send(TestPlayer p, String to, Sent message) {
        String ref = ref("msg");
        pendingMessages.put(ref, message);
        p.sendFrame("{\"type\":\"send\",\"to\":" + to + ",\"text\":\"" + message.text() + "\",\"ref\":\"" + ref + "\"}");
    }

    private void writeToEvil(TestPlayer p) {
        String ref = ref("outsider");
        pendingOutsider.put(ref, p.member);
        p.sendFrame("{\"type\":\"send\",\"to\":{\"kind\":\"channel\",\"channel\":\"evil\"},\"text\":\"let me in\",\"ref\":\""
                + ref + "\"}");
    }

    private void readReplies(TestPlayer p) {
        Client c = clients.get(p);
        for (; c.seen < p.received.size(); c.seen++) {
            JsonNode r = p.received.get(c.seen);
            String type = r.path("type").asText();
            if (type.equals("error")) {
                problems.add(p.member + " got an error frame " + r);
                c.pending = null;
            }
            if (!type.equals("reply")) {
                continue;
            }
            String ref = r.path("ref").asText();
            boolean ok = r.path("ok").asBoolean();
            String code = r.at("/error/code").asText();
            if (!ok && !Arena.typed(code)) {
                problems.add(p.member + " got an untyped refusal " + r);
            }
            if (ref.equals(c.pending)) {
                c.pending = null;
                c.lastFailed = !ok;
                c.failedAt = System.currentTimeMillis();
                if (!ok) {
                    refusedActions.merge(code, 1, Integer::sum);
                }
            } else if (pendingMessages.containsKey(ref)) {
                Sent message = pendingMessages.remove(ref);
                if (ok) {
                    sent.add(message);
                } else if (!code.equals("message/spectators_muted")
                        && !(message.to().equals("evil") && code.equals("message/no_channel"))) {
                    // (the channel closes with the game: a write racing the last move is refused)
                    problems.add(p.member + "'s message was refused: " + r);
                }
            } else if (pendingOutsider.containsKey(ref)) {
                outsiderAnswers.add(pendingOutsider.remove(ref) + " " + (ok ? "accepted" : code));
            }
        }
    }

    /** Where each client stands, for a game that did not finish. */
    String describe() {
        StringBuilder text = new StringBuilder();
        text.append(" problems=").append(problems).append(" refused=").append(refusedActions);
        for (TestPlayer p : all()) {
            Client c = clients.get(p);
            JsonNode f = p.frame();
            text.append(String.format("%n  %s v%d %s/%s may=%s pending=%s failed=%s broken=%s close=%s last=%s", p.member,
                    p.version(), f == null ? "-" : f.at("/room/phase").asText(), f == null ? "-" : f.at("/game/phase").asText(),
                    f == null ? "-" : f.at("/game/youMay"), c.pending, c.lastFailed, p.broken, p.closeCode,
                    p.received.isEmpty() ? "-" : p.received.get(p.received.size() - 1)));
        }
        return text.toString();
    }

    /** Lets the last replies arrive and reads them. */
    void settle() {
        Arena.pause(300);
        all().forEach(this::readReplies);
        all().forEach(p -> {
            if (p.broken != null) {
                problems.add(p.member + ": " + p.broken);
            }
        });
    }

    void close() {
        all().forEach(p -> {
            try {
                p.drop();
            } catch (RuntimeException ignored) {
                // already gone
            }
        });
    }
}
