package io.roundtable.demo.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.roundtable.demo.cluster.Node;
import io.roundtable.demo.cluster.Servers;
import io.roundtable.demo.support.TestPlayer;

/**
 * Archive exactly once (issue 8): a node killed after a room reached FINISHED and before its archive was
 * committed. Node 1 alone runs with {@code roundtable.archive.delay=30s}, so a bots-only room finishes
 * on it and waits; node 1 is killed with SIGKILL during the wait; node 2 starts and archives the match.
 * Node 1 comes back too (and the room's "archived" flag in Redis is even removed, so that a node tries
 * again): the match stays archived exactly once — one row, listed once, its log whole.
 */
class ArchiveOnceIT {
    static final Duration WAIT = Duration.ofSeconds(60);
    static Servers servers;
    static Node one;
    static Node two;
    static Node oneAgain;

    @BeforeAll
    static void start() throws Exception {
        servers = Servers.start();
    }

    @AfterAll
    static void stop() throws Exception {
        Cleanup.all(one, two, oneAgain, servers);
    }

    @Test
    void a_node_killed_between_the_finish_and_the_archive_commit_leaves_the_match_archived_exactly_once()
            throws Exception {
        Map<String, String> delayed = new HashMap<>(Tables.WIDE_LIMITS);
        delayed.put("roundtable.archive.delay", "30s");
        one = Node.start("archive-node1", Servers.freePort(), servers.settings(delayed));
        String room = TestPlayer.createRoom(one.base(), "avalon", "{\"players\":5}", 5);
        awaitTrue(() -> phase(one.base(), room).equals("FINISHED"), "the bots finish the game on node 1");
        assertThat(TestPlayer.send(one.base(), "GET", "/api/matches/" + room, null, null).statusCode())
                .as("not archived yet: node 1 waits 30 s").isEqualTo(404);
        assertThat(servers.queryNumber("select count(*) from match where id = ?", room)).isZero();

        one.kill9();
        long killed = System.nanoTime();
        two = Node.start("archive-node2", Servers.freePort(), servers.settings(Tables.WIDE_LIMITS));
        awaitTrue(() -> TestPlayer.send(two.base(), "GET", "/api/matches/" + room, null, null).statusCode() == 200,
                "node 2 archives the match");
        double archivedAfter = (System.nanoTime() - killed) / 1e6;
        assertExactlyOnce(room, two.base());

        // Node 1 comes back (without the delay now); and the flag that says "archived" is removed from
        // Redis, so that a node's sweeper writes the match again: the primary key keeps it one row. (An
        // archived room is swept next when it is due for removal; its sweep is brought forward to now.)
        oneAgain = Node.start("archive-node1-again", Servers.freePort(), servers.settings(Tables.WIDE_LIMITS));
        String flag = "{rt:" + room + "}:archived";
        assertThat(servers.redis().command("DEL", flag)).isEqualTo(1L);
        assertThat(servers.redis().command("ZADD", "rt:due", "XX", "CH", "0", room)).as("its sweep brought forward").isEqualTo(1L);
        awaitTrue(() -> redisHas(flag), "a sweeper tries to archive the match again and records it as archived");
        Tables.sleep(2_000);
        assertExactlyOnce(room, oneAgain.base());
        assertExactlyOnce(room, two.base());
        Figures.report("ArchiveOnceIT", String.format(
                "node 1 killed during its 30 s archive delay after the finish; node 2 (started after the kill) archived "
                        + "the match %.0f ms after the kill (including its own start); after node 1's restart and a second "
                        + "archive attempt: match rows=%d, listed=%d, moves rows=%d",
                archivedAfter, servers.queryNumber("select count(*) from match where id = ?", room),
                listed(two.base(), room), servers.queryNumber("select count(*) from match_move where match_id = ?", room)));
    }

    private static void assertExactlyOnce(String room, String base) throws Exception {
        assertThat(servers.queryNumber("select count(*) from match where id = ?", room)).as("match rows").isEqualTo(1);
        assertThat(listed(base, room)).as("times the match is listed").isEqualTo(1);
        JsonNode detail = Tables.archived(base, room);
        assertThat(detail).isNotNull();
        assertThat(detail.get("moves").size()).isEqualTo(detail.at("/match/moves").asInt())
                .isEqualTo((int) servers.queryNumber("select count(*) from match_move where match_id = ?", room));
        assertThat(detail.get("moves").size()).isPositive();
    }

    /** How often {@code GET /api/matches?game=avalon} lists the room. */
    private static int listed(String base, String room) {
        JsonNode page = Json.read(TestPlayer.send(base, "GET", "/api/matches?game=avalon&size=100", null, null).body(),
                JsonNode.class);
        int n = 0;
        for (JsonNode item : page.get("items")) {
            n += item.get("id").asText().equals(room) ? 1 : 0;
        }
        return n;
    }

    private static String phase(String base, String room) {
        var card = TestPlayer.send(base, "GET", "/api/rooms/" + room, null, null);
        return card.statusCode() == 200 ? Json.read(card.body(), JsonNode.class).path("phase").asText() : "";
    }

    private static boolean redisHas(String key) {
        try {
            return Long.valueOf(1).equals(servers.redis().command("EXISTS", key));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        WeakNetworkIT.awaitTrue(condition, WAIT, what);
    }
}
