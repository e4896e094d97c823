package io.roundtable.demo.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.roundtable.demo.support.TestPlayer;

/**
 * The app on a real Redis Cluster — three masters and three replicas of the embedded redis-server
 * ({@link RedisCluster}), {@code quarkus.redis.client-type=cluster} — with two app nodes: rooms land on
 * every master, the lobby lists them all, and a game is played across both nodes, with a direct message,
 * a resume on the other node, and its archive at the end.
 */
class RedisClusterIT {
    static final Duration WAIT = Duration.ofSeconds(15);
    static Servers servers;
    static Node one;
    static Node two;

    @BeforeAll
    static void start() throws Exception {
        servers = Servers.startCluster();
        one = Node.start("cluster-node1", Servers.freePort(), servers.settings());
        two = Node.start("cluster-node2", Servers.freePort(), servers.settings());
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
    void rooms_spread_over_every_master_and_a_game_is_played_across_two_nodes_to_its_archive() throws Exception {
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rooms.add(TestPlayer.createRoom((i % 2 == 0 ? one : two).base(), "avalon", "{\"players\":5}", 3));
        }
        assertThat(servers.cluster().keysPerMaster()).as("keys on each master").allSatisfy(n -> assertThat(n).isPositive());
        JsonNode lobby = Json.read(TestPlayer.send(two.base(), "GET", "/api/rooms", null, null).body(), JsonNode.class);
        assertThat(lobby.findValuesAsText("id")).containsAll(rooms);

        String room = rooms.get(0);
        TestPlayer ann = TestPlayer.join(one.base(), room, "Ann", false).connect(null);
        TestPlayer bob = TestPlayer.join(two.base(), room, "Bob", false).connect(null);
        ann.ok("POST", "/messages", "{\"to\":{\"kind\":\"direct\",\"member\":\"" + bob.member + "\"},\"text\":\"hello from node 1\"}");
        assertThat(bob.awaitReceived("message", m -> m.at("/message/text").asText().equals("hello from node 1"), WAIT))
                .isNotNull();
        ann.ok("POST", "/ready", "{\"ready\":true}");
        bob.ok("POST", "/ready", "{\"ready\":true}");
        ann.awaitFrame(f -> f.at("/room/phase").asText().equals("PLAY"), WAIT);

        List<TwoNodesIT.Ack> acknowledged = new ArrayList<>();
        TwoNodesIT.playUntil(List.of(ann, bob), acknowledged, f -> f.at("/game/quests").size() >= 1);
        ann.close();
        TestPlayer annOnTwo = ann.on(two.base()).connect(null);
        JsonNode view = annOnTwo.ok("GET", "/view", null);
        annOnTwo.awaitFrame(f -> f.at("/room/version").asLong() >= view.get("version").asLong(), WAIT);

        TwoNodesIT.playUntil(List.of(annOnTwo, bob), acknowledged, TwoNodesIT::finished);
        assertThat(bob.awaitFrame(TwoNodesIT::finished, WAIT).at("/game/roles")).hasSize(5);
        assertThat(annOnTwo.awaitFrame(TwoNodesIT::finished, WAIT)).isNotNull();
        assertThat(acknowledged.stream().map(TwoNodesIT.Ack::version).distinct()).hasSameSizeAs(acknowledged);
        assertThat(bob.broken).isNull();
        assertThat(annOnTwo.broken).isNull();
        long end = System.nanoTime() + WAIT.toNanos();
        while (TestPlayer.send(one.base(), "GET", "/api/matches/" + room, null, null).statusCode() != 200) {
            assertThat(System.nanoTime()).as("the match is archived within %s", WAIT).isLessThan(end);
            Node.sleep(200);
        }
    }

    @Test
    void a_rooms_notices_go_only_to_the_nodes_holding_its_sockets() throws Exception {
        String onOne = TestPlayer.createRoom(one.base(), "avalon", "{\"players\":5}", 3);
        String onBoth = TestPlayer.createRoom(two.base(), "avalon", "{\"players\":5}", 3);
        String onNone = TestPlayer.createRoom(two.base(), "avalon", "{\"players\":5}", 3);
        TestPlayer ann = TestPlayer.join(one.base(), onOne, "Ann", false).connect(null);
        TestPlayer cid = TestPlayer.join(one.base(), onBoth, "Cid", false).connect(null);
        TestPlayer dee = TestPlayer.join(two.base(), onBoth, "Dee", false).connect(null);
        TestPlayer.join(two.base(), onNone, "Eve", false);

        assertThat(servers.cluster().shardSubscribers(channel(onOne))).as("sockets on node 1 only").isEqualTo(1);
        assertThat(servers.cluster().shardSubscribers(channel(onBoth))).as("sockets on both nodes").isEqualTo(2);
        assertThat(servers.cluster().shardSubscribers(channel(onNone))).as("no sockets").isZero();
        assertThat(servers.cluster().shardChannels()).as("no channel for every room").noneMatch(c -> !c.endsWith(":changes"));

        TestPlayer bobOnTwo = TestPlayer.join(two.base(), onOne, "Bob", false);
        bobOnTwo.ok("POST", "/ready", "{\"ready\":true}");
        assertThat(ann.awaitFrame(f -> readyMember(f, "Bob"), WAIT)).as("a change made on node 2 reaches node 1's socket")
                .isNotNull();

        ann.close();
        cid.close();
        long end = System.nanoTime() + WAIT.toNanos();
        while (servers.cluster().shardSubscribers(channel(onOne)) > 0 || servers.cluster().shardSubscribers(channel(onBoth)) > 1) {
            assertThat(System.nanoTime()).as("node 1 stops following once its sockets are gone").isLessThan(end);
            Node.sleep(100);
        }
        assertThat(servers.cluster().shardSubscribers(channel(onBoth))).as("node 2 still follows").isEqualTo(1);
        dee.close();
    }

    private static boolean readyMember(JsonNode frame, String name) {
        for (JsonNode member : frame.at("/room/members")) {
            if (member.path("name").asText().equals(name) && member.path("ready").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    private static String channel(String room) {
        return "{rt:" + room + "}:changes";
    }
}
