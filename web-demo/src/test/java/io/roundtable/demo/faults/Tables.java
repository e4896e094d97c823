package io.roundtable.demo.faults;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.roundtable.demo.support.TestPlayer;

/**
 * Avalon tables for the fault tests: each room has three server bots and two client-driven seats, the
 * first client joined through the first node and the second through the second, both playing from their
 * own frames. After the fault the archived match log is the judge of what was applied.
 */
final class Tables {
    /** Limits opened wide: every client of a test comes from 127.0.0.1, and some tests send as fast as they can. */
    static final java.util.Map<String, String> WIDE_LIMITS = java.util.Map.of(
            "roundtable.limits.rooms-per-minute", "1000000",
            "roundtable.limits.joins-per-minute", "1000000",
            "roundtable.limits.sockets-per-client", "100000",
            "roundtable.limits.commands-per-second", "100000",
            "roundtable.ws.frames-per-second", "100000");

    private Tables() {
    }

    /** The live version of a room, read from Redis itself. */
    static long redisVersion(io.roundtable.demo.cluster.Resp redis, String room) throws java.io.IOException {
        Long version = redis.number("GET", "{rt:" + room + "}:version");
        return version == null ? -1 : version;
    }

    /** One room and its two client-driven seats. */
    record Game(String id, AvalonPlayer first, AvalonPlayer second) {
        List<AvalonPlayer> players() {
            return List.of(first, second);
        }
    }

    /**
     * What the archive says about the acknowledged actions.
     *
     * @param rooms        rooms played
     * @param lost         rooms that never reached the archive
     * @param acknowledged distinct idempotency keys acknowledged to the clients
     * @param missing      acknowledged actions with no player move of that seat at the acknowledged version
     * @param extra        player moves of a client's seat that no acknowledged key accounts for (applied twice)
     */
    record Audit(int rooms, int lost, int acknowledged, int missing, int extra, int playerMoves) {
    }

    /** Creates {@code rooms} rooms through the first node, seats two clients per room, gets them ready. */
    static List<Game> open(Traffic traffic, List<String> bases, int rooms, AtomicBoolean hold, int thinkMin, int thinkMax,
            Consumer<Client> configure) {
        List<Game> games = new ArrayList<>();
        for (int i = 0; i < rooms; i++) {
            String id = TestPlayer.createRoom(bases.get(0), "avalon", "{\"players\":5}", 3);
            Client a = Client.join(traffic, bases, 0, id, "Ann" + i);
            Client b = Client.join(traffic, bases, 1 % bases.size(), id, "Bob" + i);
            configure.accept(a);
            configure.accept(b);
            Game game = new Game(id, new AvalonPlayer(a, hold, 2 * i, thinkMin, thinkMax),
                    new AvalonPlayer(b, hold, 2 * i + 1, thinkMin, thinkMax));
            games.add(game);
            a.connect();
            b.connect();
        }
        for (Game game : games) {
            for (AvalonPlayer p : game.players()) {
                TestPlayer.expect(200, TestPlayer.send(p.client.base(), "POST", "/api/rooms/" + game.id() + "/ready",
                        "{\"ready\":true}", p.client.token));
            }
        }
        return games;
    }

    /**
     * Opens {@code rooms} games on the nodes, lets them play, and returns once about {@code acknowledged}
     * moves were acknowledged in all (or after a minute): games caught mid-play, for a fault to hit. The
     * players think while {@code hold} is set (it is cleared once play has started).
     */
    static List<Game> midGame(Traffic traffic, List<String> bases, int rooms, AtomicBoolean hold, int acknowledged) {
        hold.set(true);
        List<Game> games = open(traffic, bases, rooms, hold, 100, 300, c -> { });
        await(games, Tables::playing, Duration.ofSeconds(60), "play started");
        hold.set(false);
        games.forEach(g -> g.players().forEach(AvalonPlayer::release));
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (acknowledged(games) < acknowledged && System.nanoTime() < until) {
            sleep(20);
        }
        return games;
    }

    static void await(List<Game> games, Predicate<Game> condition, Duration timeout, String what) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (games.stream().allMatch(condition)) {
                return;
            }
            sleep(50);
        }
        List<String> behind = games.stream().filter(condition.negate())
                .map(g -> g.id() + " at v" + g.first().client.version() + "/v" + g.second().client.version() + " phase "
                        + g.first().client.frame().at("/room/phase").asText())
                .limit(10).toList();
        throw new AssertionError("not all rooms got there in " + timeout + ": " + what + "; behind: " + behind);
    }

    static boolean playing(Game game) {
        return game.players().stream().allMatch(p -> p.client.frame() != null
                && p.client.frame().at("/room/phase").asText().equals("PLAY"));
    }

    static boolean finished(Game game) {
        return game.players().stream().allMatch(AvalonPlayer::finished);
    }

    static int acknowledged(List<Game> games) {
        return games.stream().flatMap(g -> g.players().stream()).mapToInt(p -> p.acknowledged.size()).sum();
    }

    /** The match log of a room from the archive, or null when it is not (yet) archived. */
    static JsonNode archived(String base, String room) {
        HttpResponse<String> response = TestPlayer.send(base, "GET", "/api/matches/" + room, null, null);
        return response.statusCode() == 200 ? Json.read(response.body(), JsonNode.class) : null;
    }

    /**
     * Waits (up to {@code timeout}) for every room to be archived, then compares each client's
     * acknowledged keys with the player moves of its seat in the archived log.
     */
    static Audit audit(String base, List<Game> games, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        List<JsonNode> logs = new ArrayList<>();
        for (Game game : games) {
            JsonNode log = archived(base, game.id());
            while (log == null && System.nanoTime() < end) {
                sleep(200);
                log = archived(base, game.id());
            }
            logs.add(log);
        }
        int lost = 0;
        int acknowledged = 0;
        int missing = 0;
        int extra = 0;
        int playerMoves = 0;
        for (int i = 0; i < games.size(); i++) {
            JsonNode log = logs.get(i);
            if (log == null) {
                lost++;
                continue;
            }
            for (AvalonPlayer p : games.get(i).players()) {
                Set<Long> acked;
                synchronized (p.acknowledged) {
                    acked = new HashSet<>(p.acknowledged.values());
                    acknowledged += p.acknowledged.size();
                }
                int seatMoves = 0;
                int matched = 0;
                Set<Long> applied = new HashSet<>();
                for (JsonNode move : log.get("moves")) {
                    if (move.get("seat").asInt() == p.seat && move.get("by").asText().equals("player")) {
                        seatMoves++;
                        applied.add(move.get("version").asLong());
                        if (acked.contains(move.get("version").asLong())) {
                            matched++;
                        }
                    }
                }
                playerMoves += seatMoves;
                extra += seatMoves - matched;
                acked.removeAll(applied);
                missing += acked.size();
            }
        }
        return new Audit(games.size(), lost, acknowledged, missing, extra, playerMoves);
    }

    static void stop(List<Game> games) {
        if (games != null) {
            games.forEach(g -> g.players().forEach(p -> p.client.stop()));
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
