package io.roundtable.demo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.roundtable.core.room.Member;
import io.roundtable.core.room.Move;
import io.roundtable.core.room.Room;
import io.roundtable.demo.support.TestPlayer;
import io.roundtable.runtime.store.RoomStore;

/**
 * A spy on every socket: random Avalon games (five seats and a spectator member, random role sets,
 * the evil channel on, random variants) played over real sockets by clients that choose random legal
 * moves from their own {@code youMay}, chat in the evil channel and send direct messages. Every frame
 * each viewer received is checked against the truth kept in Redis with {@link AvalonOracle}; every
 * message against who may read it.
 * {@code -Dspy.games} (default 150), {@code -Dspy.parallel} (default 4), {@code -Dspy.seed}.
 */
@QuarkusTest
class SpyTest {
    static final int GAMES = Integer.getInteger("spy.games", 150);
    static final int PARALLEL = Integer.getInteger("spy.parallel", 4);
    static final long SEED = Long.getLong("spy.seed", 20261126L);

    @TestHTTPResource("/")
    URI uri;

    @Inject
    RoomStore store;

    final List<String> violations = new ArrayList<>();
    final Map<String, Integer> counts = new TreeMap<>();

    synchronized void count(String what, int n) {
        counts.merge(what, n, Integer::sum);
    }

    /** Violations by kind (numbers and room ids left out), with the first few examples of each. */
    final Map<String, List<String>> byKind = new TreeMap<>();

    synchronized void violation(String what) {
        String kind = what.replaceAll("room [a-z0-9]{10}", "room R").replaceAll("\\d+", "N");
        List<String> examples = byKind.computeIfAbsent(kind, k -> new ArrayList<>());
        if (examples.size() < 3) {
            examples.add(what);
            violations.add(what);
        }
        counts.merge("violations", 1, Integer::sum);
    }

    @Test
    void no_frame_or_message_shows_anyone_more_than_the_rules_allow() throws Exception {
        String base = Arena.base(uri);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        List<Future<?>> shards = new ArrayList<>();
        for (int shard = 0; shard < PARALLEL; shard++) {
            int first = shard;
            shards.add(pool.submit(() -> {
                for (int game = first; game < GAMES; game += PARALLEL) {
                    spyOn(base, game);
                }
                return null;
            }));
        }
        for (Future<?> shard : shards) {
            shard.get(2, TimeUnit.HOURS);
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("spy: seed %d, %d games in %.1f s (%d at a time): %s%n", SEED, GAMES, seconds, PARALLEL, counts);
        byKind.forEach((kind, examples) -> System.out.printf("spy violation: %s (e.g. %s)%n", kind, examples.get(0)));
        assertThat(violations).isEmpty();
        assertThat(counts.get("games finished")).isEqualTo(GAMES);
        Arena.assertReady(base);
    }

    void spyOn(String base, int game) {
        Random random = new Random(SEED + game);
        SpyTable table = new SpyTable(base, game, random);
        try {
            if (!table.play(180_000)) {
                violation("game " + game + " (room " + table.room + ") did not finish");
                System.out.println("spy: game " + game + " did not finish:" + table.describe());
                return;
            }
            table.settle();
            table.problems.forEach(p -> violation("game " + game + ": " + p));
            Room room = store.load(table.room).await().atMost(Arena.WAIT);
            List<Move> moves = store.moves(table.room).await().atMost(Arena.WAIT);
            AvalonOracle.Truth truth = truth(room, moves);
            count("games finished", 1);
            table.refusedActions.forEach((code, n) -> count("stale action refused " + code, n));
            count("ending " + room.state().path("ending").asText(), 1);
            check(table, truth, game);
        } finally {
            table.close();
        }
    }

    static AvalonOracle.Truth truth(Room room, List<Move> moves) {
        List<String> roles = new ArrayList<>();
        room.state().get("roles").forEach(r -> roles.add(r.asText()));
        Map<String, Integer> seats = new HashMap<>();
        for (Member m : room.members()) {
            if (m.seat() != null) {
                seats.put(m.id(), m.seat());
            }
        }
        List<AvalonOracle.Proposal> proposals = new ArrayList<>();
        Map<Integer, String> votes = new TreeMap<>();
        for (Move move : moves.stream().sorted(java.util.Comparator.comparingLong(Move::index)).toList()) {
            if (move.action().path("type").asText().equals("vote")) {
                votes.put(move.seat(), move.action().path("vote").asText());
                if (votes.size() == roles.size()) {
                    proposals.add(new AvalonOracle.Proposal(new ArrayList<>(votes.values()), move.version()));
                    votes.clear();
                }
            }
        }
        return new AvalonOracle.Truth(roles, room.facts().options().path("oberonHiddenFromMerlin").asBoolean(), seats, proposals);
    }

    void check(SpyTable table, AvalonOracle.Truth truth, int game) {
        int frames = 0;
        for (TestPlayer viewer : table.all()) {
            Integer seat = truth.seats().get(viewer.member);
            for (Map.Entry<Long, JsonNode> held : new TreeMap<>(viewer.history).entrySet()) {
                frames++;
                AvalonOracle.check(truth, seat, held.getKey(), held.getValue())
                        .forEach(v -> violation("game " + game + " (room " + table.room + "), " + v));
            }
            for (JsonNode received : viewer.received) {
                if (received.path("type").asText().equals("events")) {
                    AvalonOracle.checkEvents(received).forEach(v -> violation("game " + game + ": " + v));
                }
            }
            for (JsonNode message : viewer.messages) {
                checkReader(truth, viewer, seat, message, game);
            }
        }
        count("frames checked", frames);
        for (SpyTable.Sent sent : table.sent) {
            List<TestPlayer> readers = new ArrayList<>();
            for (TestPlayer p : table.all()) {
                Integer seat = truth.seats().get(p.member);
                boolean reads = sent.to().equals("evil") ? seat != null && truth.evilTeam(seat)
                        : p.member.equals(sent.to()) || p.member.equals(sent.from());
                if (reads) {
                    readers.add(p);
                }
            }
            for (TestPlayer reader : readers) {
                boolean got = reader.messages.stream().anyMatch(m -> m.path("text").asText().equals(sent.text())
                        && m.path("from").asText().equals(sent.from()));
                if (!got) {
                    violation("game " + game + ": " + reader.member + " never got " + sent);
                }
            }
            count(sent.to().equals("evil") ? "evil-channel messages" : "direct messages", 1);
        }
        for (String answer : table.outsiderAnswers) {
            count("writes to the evil channel from outside", 1);
            if (!answer.endsWith(" message/no_channel")) {
                violation("game " + game + ": an outsider's write to the evil channel was answered " + answer);
            }
        }
    }

    /** A message reached this viewer: it must be one the viewer may read. */
    void checkReader(AvalonOracle.Truth truth, TestPlayer viewer, Integer seat, JsonNode message, int game) {
        JsonNode to = message.path("to");
        boolean allowed = switch (to.path("kind").asText()) {
            case "channel" -> to.path("channel").asText().equals("evil") && seat != null && truth.evilTeam(seat);
            case "direct" -> viewer.member.equals(to.path("member").asText())
                    || viewer.member.equals(message.path("from").asText());
            default -> true;
        };
        if (!allowed) {
            violation("game " + game + ": " + viewer.member + " (seat " + seat + ") read " + message);
        }
    }
}
