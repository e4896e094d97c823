package io.roundtable.demo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.roundtable.core.room.Room;
import io.roundtable.demo.support.TestPlayer;
import io.roundtable.runtime.store.RoomStore;

/**
 * While one client address attacks room X (flooding sockets, oversize and unreadable frames,
 * oversize and malformed bodies), an unrelated room Y keeps playing: every one of its commands is
 * accepted and the game moves on. Y's command latency is measured before and during the attack and
 * reported (p50/p99), never asserted: the test JVM runs the server and the attackers on the same two
 * cores, so a timing bound here would measure the machine, not the server.
 * {@code -Dattack.seconds=N} sets the length of each phase (default 12).
 */
@QuarkusTest
class OtherRoomsUnharmedTest {
    static final int SECONDS = Integer.getInteger("attack.seconds", 12);
    static final int FLOODERS = 4;
    static final int PLAYERS_IN_Y = 4;
    /** Y's pace: one command every 25 ms (10 per member and second, half the per-member limit). */
    static final long PERIOD_NANOS = 25_000_000;

    @TestHTTPResource("/")
    URI uri;

    @Inject
    RoomStore store;

    String base;
    List<TestPlayer> y;
    List<Integer> secrets;
    int turn;
    int accepted;
    List<String> errors = new ArrayList<>();

    @Test
    void an_attack_on_one_room_leaves_another_room_playing_without_a_single_error() throws Exception {
        base = Arena.base(uri);
        y = seatedRoom("guess", "{\"players\":" + PLAYERS_IN_Y + ",\"rounds\":100000}", PLAYERS_IN_Y);
        Room yRoom = store.load(y.get(0).room).await().atMost(Arena.WAIT);
        secrets = new ArrayList<>();
        yRoom.state().get("secrets").forEach(s -> secrets.add(s.asInt()));
        long versionBefore = yRoom.version();
        List<TestPlayer> x = attackers();

        Latencies baseline = play(SECONDS * 1000L);
        Attack attack = new Attack();
        attack.start(x, SECONDS * 1000L, FLOODERS);
        Latencies underAttack = play(SECONDS * 1000L);
        attack.join();

        // One println: the server's log writes to the same stream from other threads.
        System.out.println(String.format("other-rooms: room Y baseline %s | under attack %s | ratio p50 %.2f, p99 %.2f"
                + " | attack answered %s", baseline, underAttack, underAttack.percentile(50) / baseline.percentile(50),
                underAttack.percentile(99) / baseline.percentile(99), new java.util.TreeMap<>(attack.counts)));

        assertThat(errors).as("Y's refused commands").isEmpty();
        Room after = store.load(y.get(0).room).await().atMost(Arena.WAIT);
        assertThat(after.state().get("guesses").asInt()).as("every accepted guess counted").isEqualTo(accepted);
        assertThat(after.version()).isGreaterThanOrEqualTo(versionBefore + accepted);
        // Progress, not a rate: at least one accepted move per second of the attack on average. Y's pace
        // gives 480 at most; a quiet machine makes about 200 under attack, a busy one fewer.
        assertThat(underAttack.count()).as("Y kept making progress").isGreaterThanOrEqualTo(SECONDS);
        assertThat(attack.get("socket closed 4429")).as("flooding sockets were closed").isPositive();
        assertThat(attack.get("socket closed 1009")).as("oversize frames were refused").isPositive();
        assertThat(attack.get("frame error request/malformed")).as("unreadable frames were answered").isPositive();
        assertThat(attack.get("rest 413")).isPositive();
        assertThat(attack.get("rest 400")).isPositive();
        assertThat(attack.counts.keySet()).as("nothing but the documented answers")
                .allMatch(k -> k.matches("socket closed (4429|1009)|rest (413|400)|frame error (request/malformed|rate/limited)"
                        + "|unreadable frames sent"));
        Arena.assertReady(base);
    }

    /** A room of {@code game} with {@code players} members seated and play begun. */
    List<TestPlayer> seatedRoom(String game, String options, int players) {
        String room = TestPlayer.createRoom(base, game, options, 0);
        List<TestPlayer> members = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            members.add(TestPlayer.join(base, room, "P" + i, false));
        }
        members.forEach(m -> m.ok("POST", "/ready", "{\"ready\":true}"));
        long end = System.currentTimeMillis() + Arena.WAIT.toMillis();
        while (!members.get(0).ok("GET", "/view", null).at("/frame/room/phase").asText().equals("PLAY")) {
            assertThat(System.currentTimeMillis()).isLessThan(end);
            Arena.pause(20);
        }
        return members;
    }

    /** Room X: two players and a spectator per attacking socket. */
    List<TestPlayer> attackers() {
        List<TestPlayer> x = seatedRoom("guess", null, 2);
        for (int i = 0; i < FLOODERS; i++) {
            x.add(TestPlayer.join(base, x.get(0).room, "Flood " + i, true));
        }
        return x;
    }

    /**
     * Y's players take their turns at a steady pace for {@code millis}, never guessing right. A late
     * command does not make the next ones hurry (a burst to catch up would be a client breaking the
     * per-member rate, not the server slowing down).
     */
    Latencies play(long millis) {
        Latencies latencies = new Latencies();
        long start = System.nanoTime();
        long end = start + millis * 1_000_000;
        long nextBeat = start;
        for (long slot = start; slot < end; slot = Math.max(slot + PERIOD_NANOS, System.nanoTime())) {
            long wait = slot - System.nanoTime();
            if (wait > 0) {
                Arena.pause(wait / 1_000_000);
            }
            if (System.nanoTime() > nextBeat) {
                y.forEach(m -> check(m.call("POST", "/heartbeat", null)));
                nextBeat = System.nanoTime() + 5_000_000_000L;
            }
            TestPlayer mover = y.get(turn);
            int next = (turn + 1) % PLAYERS_IN_Y;
            long t0 = System.nanoTime();
            HttpResponse<String> response = mover.call("POST", "/actions",
                    "{\"action\":{\"type\":\"guess\",\"number\":" + (secrets.get(next) + 1) % 1000 + "}}");
            latencies.add(System.nanoTime() - t0);
            if (check(response)) {
                accepted++;
                turn = next;
            }
        }
        return latencies;
    }

    boolean check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            errors.add(response.statusCode() + " " + response.body());
            return false;
        }
        JsonNode body = TestPlayer.expect(200, response);
        return body.path("ok").asBoolean();
    }
}
