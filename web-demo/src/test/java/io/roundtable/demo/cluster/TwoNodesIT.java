package io.roundtable.demo.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.roundtable.demo.support.AvalonMoves;
import io.roundtable.demo.support.TestPlayer;

/**
 * Two app processes on one Redis: Ann plays through node 1, Bob through node 2, three bots fill the
 * rest of an Avalon table. Each sees the other's moves. Node 1 is killed with SIGKILL mid-game; Ann
 * reconnects to node 2, resumes from her last version, and the game finishes with nothing lost or doubled.
 */
class TwoNodesIT {
    static final Duration WAIT = Duration.ofSeconds(15);
    static Servers servers;
    static Node one;
    static Node two;

    @BeforeAll
    static void start() throws Exception {
        servers = Servers.start();
        one = Node.start("node1", Servers.freePort(), servers.settings());
        two = Node.start("node2", Servers.freePort(), servers.settings());
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] { one, two, servers }) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void players_on_two_nodes_finish_a_game_even_after_one_node_is_killed() throws Exception {
        String room = TestPlayer.createRoom(one.base(), "avalon", "{\"players\":5}", 3);
        TestPlayer ann = TestPlayer.join(one.base(), room, "Ann", false).connect(null);
        TestPlayer bob = TestPlayer.join(two.base(), room, "Bob", false).connect(null);
        ann.ok("POST", "/ready", "{\"ready\":true}");
        bob.ok("POST", "/ready", "{\"ready\":true}");
        ann.awaitFrame(f -> f.at("/room/phase").asText().equals("PLAY"), WAIT);
        bob.awaitFrame(f -> f.at("/room/phase").asText().equals("PLAY"), WAIT);

        List<Ack> acknowledged = new ArrayList<>();
        // Play until two quests are decided, checking that each player's node pushes the other's moves.
        playUntil(List.of(ann, bob), acknowledged, f -> f.at("/game/quests").size() >= 2 || finished(f));
        long bobVersion = bob.version();
        assertThat(ann.awaitFrame(f -> f.at("/room/version").asLong() >= bobVersion, WAIT)).isNotNull();

        long annVersionBeforeKill = ann.version();
        Ack annsLast = acknowledged.stream().filter(a -> a.player() == ann).reduce((a, b) -> b).orElseThrow();
        one.kill9();
        ann.awaitClosed(WAIT);
        TestPlayer annOnTwo = reconnect(ann, two);
        JsonNode view = annOnTwo.ok("GET", "/view", null);
        annOnTwo.awaitFrame(f -> f.at("/room/version").asLong() == view.get("version").asLong(), WAIT);
        assertThat(annOnTwo.frame()).isEqualTo(view.get("frame"));
        assertThat(view.get("version").asLong()).isGreaterThanOrEqualTo(annVersionBeforeKill);

        // A client that lost the answer to its last action retries it on the surviving node: answered, not applied again.
        JsonNode retried = annOnTwo.ok("POST", "/actions", annsLast.body());
        assertThat(retried.get("replayed").asBoolean()).isTrue();
        assertThat(retried.get("version").asLong()).isEqualTo(annsLast.version());

        playUntil(List.of(annOnTwo, bob), acknowledged, TwoNodesIT::finished);
        JsonNode end = bob.ok("GET", "/view", null).get("frame");
        assertThat(end.at("/room/phase").asText()).isEqualTo("FINISHED");
        assertThat(end.at("/game/roles")).hasSize(5);

        // Nothing lost or doubled: every acknowledged action got its own version, and both clients saw
        // an unbroken chain of versions on every socket they held.
        Set<Long> versions = new HashSet<>();
        acknowledged.forEach(a -> versions.add(a.version()));
        assertThat(versions).hasSameSizeAs(acknowledged);
        assertThat(ann.broken).isNull();
        assertThat(annOnTwo.broken).isNull();
        assertThat(bob.broken).isNull();
        JsonNode spectator = Json.read(TestPlayer.send(two.base(), "GET", "/api/rooms/" + room + "/spectate", null, null)
                .body(), JsonNode.class);
        assertThat(spectator.at("/frame/room/phase").asText()).isEqualTo("FINISHED");
    }

    static boolean finished(JsonNode frame) {
        return frame.at("/room/phase").asText().equals("FINISHED");
    }

    /** Ann's client, now on node 2, resuming with the version and inbox she already had. */
    static TestPlayer reconnect(TestPlayer ann, Node node) {
        return ann.on(node.base()).connect(null);
    }

    /** One acknowledged action: who sent it, the exact request, and the version it was applied at. */
    record Ack(TestPlayer player, String body, long version) {
    }

    /** Each player moves when its own frame offers a move, with the version it saw. */
    static void playUntil(List<TestPlayer> players, List<Ack> acknowledged, java.util.function.Predicate<JsonNode> done) {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < end) {
            for (TestPlayer p : players) {
                JsonNode view = p.ok("GET", "/view", null);
                if (done.test(view.get("frame"))) {
                    return;
                }
                Optional<JsonNode> move = AvalonMoves.next(view.get("frame"));
                if (move.isEmpty()) {
                    continue;
                }
                String body = "{\"action\":" + move.get() + ",\"expectedVersion\":" + view.get("version").asLong()
                        + ",\"idempotencyKey\":\"" + p.member + "-" + view.get("version").asLong() + "\"}";
                var response = p.call("POST", "/actions", body);
                if (response.statusCode() == 200) {
                    acknowledged.add(new Ack(p, body, Json.read(response.body(), JsonNode.class).get("version").asLong()));
                }
            }
        }
        throw new AssertionError("the game did not get there in time");
    }
}
