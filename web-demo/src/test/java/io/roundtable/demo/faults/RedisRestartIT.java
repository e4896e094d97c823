package io.roundtable.demo.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.roundtable.core.json.Json;
import io.roundtable.demo.cluster.Node;
import io.roundtable.demo.cluster.RedisProcess;
import io.roundtable.demo.cluster.Resp;
import io.roundtable.demo.cluster.Servers;
import io.roundtable.demo.faults.Tables.Audit;
import io.roundtable.demo.faults.Tables.Game;
import io.roundtable.demo.support.TestPlayer;
import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * Redis restart: the live-room Redis runs with the append-only file ({@code appendonly yes},
 * {@code appendfsync everysec}) on a data directory; two app nodes serve {@code restart.rooms} Avalon
 * rooms mid-game (one client on each node per room). Redis is restarted mid-game — cleanly, and after a
 * SIGKILL — on the same data directory and port. The nodes reconnect by themselves (commands, and the
 * change-notice subscription), the clients retry what went unanswered with the same key, and every game
 * finishes with each acknowledged action in its archived log. Then the cost of {@code appendfsync always}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisRestartIT {
    static final int ROOMS = Figures.size("restart.rooms", 20);
    static Servers servers;
    static Node one;
    static Node two;
    static Traffic traffic;
    static List<Game> games;

    @BeforeAll
    static void start() throws Exception {
        servers = Servers.start(RedisProcess.Persistence.AOF_EVERYSEC);
        one = Node.start("restart-node1", Servers.freePort(), servers.settings(Tables.WIDE_LIMITS));
        two = Node.start("restart-node2", Servers.freePort(), servers.settings(Tables.WIDE_LIMITS));
        traffic = new Traffic();
    }

    @AfterEach
    void stopClients() {
        Tables.stop(games);
        games = null;
    }

    @AfterAll
    static void stop() throws Exception {
        Cleanup.all(traffic, one, two, servers);
    }

    @Test
    @Order(1)
    void a_clean_restart_mid_game_loses_nothing_and_every_game_goes_on() throws Exception {
        restartMidGame(false);
    }

    @Test
    @Order(2)
    void a_killed_redis_restarted_on_its_append_only_file_loses_no_acknowledged_action() throws Exception {
        restartMidGame(true);
    }

    private void restartMidGame(boolean kill) throws Exception {
        String label = kill ? "kill -9" : "clean restart";
        AtomicBoolean hold = new AtomicBoolean();
        games = Tables.midGame(traffic, List.of(one.base(), two.base()), ROOMS, hold, ROOMS * 8);

        RedisProcess redis = servers.redis();
        long down = System.nanoTime();
        if (kill) {
            redis.kill9();
        } else {
            redis.stop();
        }
        // Nothing new goes out while Redis is away; what was in flight stays unanswered (or fails) and is
        // sent again, with its key, once the clients are released.
        hold.set(true);
        Tables.sleep(1_000);
        int unanswered = (int) games.stream().flatMap(g -> g.players().stream()).filter(AvalonPlayer::waiting).count();
        List<Long> lastAcknowledged = new ArrayList<>();
        for (Game g : games) {
            lastAcknowledged.add(g.players().stream().flatMap(p -> p.acknowledged.values().stream())
                    .mapToLong(Long::longValue).max().orElse(-1));
        }
        redis.start();
        long up = System.nanoTime();
        int restored = 0;
        int behind = 0;
        try (Resp resp = redis.connect()) {
            for (int i = 0; i < games.size(); i++) {
                long version = Tables.redisVersion(resp, games.get(i).id());
                restored += version >= 0 ? 1 : 0;
                behind += version < lastAcknowledged.get(i) ? 1 : 0;
            }
        }
        int acknowledgedAtRestart = Tables.acknowledged(games);
        // Still holding the players: one change through node 1 right after the restart must reach the
        // room's client on node 2 (through a change notice, and the resubscription that carries it).
        long probe = probeAcrossNodes(games.get(0), "after the " + label);
        hold.set(false);
        games.forEach(g -> g.players().forEach(AvalonPlayer::release));
        // Every room moves on: a new action acknowledged in each, through the reconnected nodes.
        List<Integer> before = games.stream().map(g -> g.players().stream().mapToInt(p -> p.acknowledged.size()).sum()).toList();
        long recovered = -1;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (int i = 0; i < games.size() && all; i++) {
                Game g = games.get(i);
                all = Tables.finished(g) || g.players().stream().mapToInt(p -> p.acknowledged.size()).sum() > before.get(i);
            }
            if (all) {
                recovered = System.nanoTime() - up;
                break;
            }
            Tables.sleep(10);
        }

        Tables.await(games, Tables::finished, Duration.ofMinutes(3), "finished after the " + label);
        Audit audit = Tables.audit(two.base(), games, Duration.ofSeconds(60));
        List<AvalonPlayer> players = games.stream().flatMap(g -> g.players().stream()).toList();
        int resent = players.stream().mapToInt(p -> p.resent).sum();
        int storeErrors = players.stream().mapToInt(p -> p.retriedAfterStoreErrors).sum();
        int broken = players.stream().mapToInt(p -> p.client.patchesOutOfOrder + p.client.inboxGaps
                + p.client.inboxDuplicates).sum();
        int reconnects = players.stream().mapToInt(p -> p.client.opens - 1).sum();
        Figures.report("RedisRestartIT", String.format(
                "%s (appendfsync everysec): rooms=%d restored=%d roomsBehindLastAck=%d acknowledgedAtRestart=%d "
                        + "unanswered=%d storeErrorsRetried=%d resentSameKey=%d redisDown=%.0f ms "
                        + "changeThroughNode1SeenOnNode2After=%s allRoomsMovingAgainAfter=%.0f ms clientReconnects=%d "
                        + "| archive: lost=%d acknowledged=%d missing=%d appliedTwice=%d brokenChains=%d",
                label, ROOMS, restored, behind, acknowledgedAtRestart, unanswered, storeErrors, resent,
                (up - down) / 1e6, probe < 0 ? "never" : String.format("%.0f ms", probe / 1e6), recovered / 1e6,
                reconnects, audit.lost(), audit.acknowledged(), audit.missing(), audit.extra(), broken));
        assertThat(probe).as("a change made through node 1 right after the restart reached node 2's socket").isPositive();

        assertThat(restored).as("rooms restored from the append-only file").isEqualTo(ROOMS);
        assertThat(behind).as("rooms whose version after the restart is below their last acknowledged one").isZero();
        assertThat(recovered).as("every room moved again after the restart").isPositive();
        assertThat(audit.lost()).as("rooms lost").isZero();
        assertThat(audit.missing()).as("acknowledged actions missing from the archived log").isZero();
        assertThat(audit.extra()).as("player moves applied twice").isZero();
        assertThat(broken).as("patches out of order, inbox gaps or duplicates").isZero();
    }

    /**
     * The first client (on node 1) sends a room message through node 1; answers how long until the second
     * client's socket on node 2 got it (nanoseconds), or -1 if it did not within 10 s.
     */
    private static long probeAcrossNodes(Game game, String label) {
        Client sender = game.first().client;
        Client receiver = game.second().client;
        String text = "probe " + label;
        String body = "{\"to\":{\"kind\":\"room\"},\"text\":\"" + text + "\",\"idempotencyKey\":\"probe-"
                + label.replaceAll("[^A-Za-z0-9]", "-") + "\"}";
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end && TestPlayer.send(one.base(), "POST", "/api/rooms/" + sender.room + "/messages",
                body, sender.token).statusCode() != 200) {
            Tables.sleep(50);
        }
        while (System.nanoTime() < end) {
            synchronized (receiver.messages) {
                if (receiver.messages.stream().anyMatch(m -> m.path("text").asText().equals(text))) {
                    return System.nanoTime() - start;
                }
            }
            Tables.sleep(5);
        }
        return -1;
    }

    @Test
    @Order(3)
    void appendfsync_always_costs_a_disk_write_per_command() throws Exception {
        int seconds = Figures.size("restart.loop-seconds", 2);
        int rounds = Figures.size("restart.loop-rounds", 3);
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String room = TestPlayer.createRoom(one.base(), "avalon", "{\"players\":5}", 0);
            for (String name : List.of("Ann", "Bob")) {
                Client c = Client.join(traffic, List.of(one.base()), 0, room, name + i);
                clients.add(c.connect());
            }
        }
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (clients.stream().anyMatch(c -> c.frame() == null) && System.nanoTime() < until) {
            Tables.sleep(20);
        }
        try {
            // The machine is shared: the two modes take turns, and each figure is the median of its rounds.
            java.util.Map<String, List<Double>> rates = new java.util.TreeMap<>();
            loop(clients, 1);
            for (int round = 0; round < rounds; round++) {
                for (String mode : List.of("everysec", "always")) {
                    servers.redis().command("CONFIG", "SET", "appendfsync", mode);
                    rates.computeIfAbsent(mode + "/1", k -> new ArrayList<>()).add(loop(clients.subList(0, 1), seconds));
                    rates.computeIfAbsent(mode + "/8", k -> new ArrayList<>()).add(loop(clients, seconds));
                    rates.computeIfAbsent(mode + "/redis", k -> new ArrayList<>()).add(redisSets(1));
                }
            }
            java.util.function.Function<String, Double> median = key -> Figures.percentile(rates.get(key), 50);
            Figures.report("RedisRestartIT", String.format(
                    "commands/s against one node, chat messages sent back to back over the socket (median of %d rounds "
                            + "of %d s): 1 client: everysec %.0f/s, always %.0f/s (%.0f%%); %d clients: everysec %.0f/s, "
                            + "always %.0f/s (%.0f%%); for scale, one raw Redis client doing SET: everysec %.0f/s, "
                            + "always %.0f/s",
                    rounds, seconds, median.apply("everysec/1"), median.apply("always/1"),
                    100 * median.apply("always/1") / median.apply("everysec/1"), clients.size(),
                    median.apply("everysec/8"), median.apply("always/8"),
                    100 * median.apply("always/8") / median.apply("everysec/8"), median.apply("everysec/redis"),
                    median.apply("always/redis")));
            assertThat(median.apply("everysec/8")).isPositive();
            assertThat(median.apply("always/8")).isPositive();
        } finally {
            servers.redis().command("CONFIG", "SET", "appendfsync", "everysec");
            clients.forEach(Client::stop);
        }
    }

    /** One connection doing SET after SET for {@code seconds}: what Redis alone does per second in the current mode. */
    private static double redisSets(int seconds) throws java.io.IOException {
        try (Resp resp = servers.redis().connect()) {
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            long n = 0;
            while (System.nanoTime() < end) {
                resp.call("SET", "fsync-probe", Long.toString(n++));
            }
            resp.call("DEL", "fsync-probe");
            return n / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Every client sends a chat message, waits for its reply, sends the next, for {@code seconds}; answers commands/s. */
    static double loop(List<Client> clients, int seconds) {
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Future<Void>> loops = new ArrayList<>();
        for (Client c : clients) {
            Promise<Void> finished = Promise.promise();
            next(c, end, done, finished);
            loops.add(finished.future());
        }
        loops.forEach(Traffic::await);
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static void next(Client c, long end, AtomicLong done, Promise<Void> finished) {
        if (System.nanoTime() >= end) {
            finished.tryComplete();
            return;
        }
        ObjectNode send = Json.mapper().createObjectNode();
        send.put("type", "send");
        send.putObject("to").put("kind", "room");
        send.put("text", "fsync " + done.get());
        c.send(send).onComplete(reply -> {
            JsonNode r = reply.succeeded() ? reply.result() : null;
            if (r != null && r.path("ok").asBoolean()) {
                done.incrementAndGet();
            }
            next(c, end, done, finished);
        });
    }
}
