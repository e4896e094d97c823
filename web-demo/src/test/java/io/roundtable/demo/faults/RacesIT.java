package io.roundtable.demo.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.demo.cluster.Node;
import io.roundtable.demo.cluster.Servers;
import io.roundtable.demo.support.TestPlayer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpMethod;

/**
 * Races: two app nodes on one Redis, commands raced between them. The size is {@code races.count}
 * (CI: 1,000; the full run: {@code -Draces.count=10000}).
 *
 * <ul>
 * <li>Identical pairs: the same message with the same idempotency key sent at once to node 1 and to node 2,
 * {@code races.count} times (over 8 rooms in parallel): exactly one of each pair is applied, both answers
 * carry the same version, and each room's versions and inbox sequence run without a gap or a fork.</li>
 * <li>Different commands at once: {@code races.count} distinct messages to one room, half by Ann through
 * node 1 and half by Bob through node 2, several in flight each: every acknowledged version is distinct,
 * the final version is the start plus the number applied, and the inbox sequences (read back, and as pushed
 * to sockets held on the other node) have no gap.</li>
 * </ul>
 */
class RacesIT {
    static final int COUNT = Figures.size("races.count", 1_000);
    static final int LANES = 8;
    static final int IN_FLIGHT = 4;
    static Servers servers;
    static Node one;
    static Node two;
    static Traffic traffic;
    static final List<Client> sockets = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        servers = Servers.start();
        Map<String, String> settings = new HashMap<>(Tables.WIDE_LIMITS);
        // Only the raced commands change the rooms: nobody goes away, and every inbox is kept whole.
        settings.put("roundtable.presence.away-after", "1h");
        settings.put("roundtable.presence.offline-after", "2h");
        settings.put("roundtable.presence.grace-period", "3h");
        settings.put("roundtable.presence.closed-after", "1h");
        settings.put("roundtable.store.inbox-length", Integer.toString(COUNT + 100));
        one = Node.start("races-node1", Servers.freePort(), servers.settings(settings));
        two = Node.start("races-node2", Servers.freePort(), servers.settings(settings));
        traffic = new Traffic();
    }

    @AfterAll
    static void stop() throws Exception {
        sockets.forEach(Client::stop);
        Cleanup.all(traffic, one, two, servers);
    }

    /** One raced pair's answers. */
    record Pair(String room, int index, Traffic.Response first, Traffic.Response second) {
    }

    @Test
    void the_same_command_raced_from_two_nodes_is_applied_exactly_once_without_forks_or_gaps() {
        List<String> rooms = new ArrayList<>();
        List<TestPlayer> members = new ArrayList<>();
        Map<String, Long> start = new HashMap<>();
        for (int lane = 0; lane < LANES; lane++) {
            String room = TestPlayer.createRoom(one.base(), "avalon", "{\"players\":5}", 0);
            TestPlayer ann = TestPlayer.join(one.base(), room, "Ann", false);
            rooms.add(room);
            members.add(ann);
            start.put(room, ann.ok("GET", "/view", null).get("version").asLong());
        }
        ConcurrentLinkedQueue<Pair> pairs = new ConcurrentLinkedQueue<>();
        long began = System.nanoTime();
        List<Future<Void>> lanes = new ArrayList<>();
        for (int lane = 0; lane < LANES; lane++) {
            Promise<Void> done = Promise.promise();
            int count = COUNT / LANES + (lane < COUNT % LANES ? 1 : 0);
            racePairs(members.get(lane), 0, count, pairs, done);
            lanes.add(done.future());
        }
        lanes.forEach(Traffic::await);
        double seconds = (System.nanoTime() - began) / 1e9;

        int forks = 0;
        int bothApplied = 0;
        int noneApplied = 0;
        int failed = 0;
        Map<String, List<Long>> applied = new HashMap<>();
        for (Pair p : pairs) {
            if (p.first().status() != 200 || p.second().status() != 200) {
                failed++;
                continue;
            }
            long v1 = p.first().body().get("version").asLong();
            long v2 = p.second().body().get("version").asLong();
            boolean fresh1 = !p.first().body().get("replayed").asBoolean();
            boolean fresh2 = !p.second().body().get("replayed").asBoolean();
            forks += v1 != v2 ? 1 : 0;
            bothApplied += fresh1 && fresh2 ? 1 : 0;
            noneApplied += !fresh1 && !fresh2 ? 1 : 0;
            applied.computeIfAbsent(p.room(), r -> new ArrayList<>()).add(fresh1 ? v1 : v2);
        }
        int gaps = 0;
        int inboxGaps = 0;
        int inboxDuplicates = 0;
        for (int lane = 0; lane < LANES; lane++) {
            String room = rooms.get(lane);
            TestPlayer ann = members.get(lane);
            List<Long> versions = applied.getOrDefault(room, List.of());
            long finalVersion = ann.ok("GET", "/view", null).get("version").asLong();
            gaps += versionGaps(start.get(room), versions, finalVersion);
            JsonNode inbox = ann.ok("GET", "/inbox?after=0", null);
            Set<String> texts = new HashSet<>();
            long expected = 1;
            for (JsonNode m : inbox.get("messages")) {
                inboxGaps += m.get("seq").asLong() != expected ? 1 : 0;
                expected = m.get("seq").asLong() + 1;
                inboxDuplicates += texts.add(m.get("text").asText()) ? 0 : 1;
            }
            inboxGaps += texts.size() != versions.size() ? 1 : 0;
        }
        Figures.report("RacesIT", String.format(
                "identical pairs (same key, node 1 and node 2 at once): pairs=%d in %.1f s (%d rooms) failed=%d forks=%d "
                        + "appliedTwice=%d appliedNever=%d versionGaps=%d inboxGaps=%d inboxDuplicates=%d",
                pairs.size(), seconds, LANES, failed, forks, bothApplied, noneApplied, gaps, inboxGaps, inboxDuplicates));
        assertThat(pairs).hasSize(COUNT);
        assertThat(failed).as("pairs with a refused or failed request").isZero();
        assertThat(forks).as("pairs answered with two different versions").isZero();
        assertThat(bothApplied).as("pairs applied twice").isZero();
        assertThat(noneApplied).as("pairs applied by neither node").isZero();
        assertThat(gaps).as("rooms whose versions have a gap, a duplicate, or do not end at start + applied").isZero();
        assertThat(inboxGaps + inboxDuplicates).as("inbox sequence gaps and duplicate messages").isZero();
    }

    /** Sends pair {@code i} of a lane to both nodes at once, then the next, until {@code count}. */
    private static void racePairs(TestPlayer member, int i, int count, ConcurrentLinkedQueue<Pair> into, Promise<Void> done) {
        if (i >= count) {
            done.complete();
            return;
        }
        String body = "{\"to\":{\"kind\":\"room\"},\"text\":\"pair " + i + "\",\"idempotencyKey\":\"pair-" + i + "\"}";
        String path = "/api/rooms/" + member.room + "/messages";
        Future<Traffic.Response> first = traffic.call(one.base(), HttpMethod.POST, path, body, member.token);
        Future<Traffic.Response> second = traffic.call(two.base(), HttpMethod.POST, path, body, member.token);
        Future.join(first, second).onComplete(x -> {
            into.add(new Pair(member.room, i, answer(first), answer(second)));
            racePairs(member, i + 1, count, into, done);
        });
    }

    private static Traffic.Response answer(Future<Traffic.Response> f) {
        return f.succeeded() ? f.result() : new Traffic.Response(-1, null);
    }

    /** Versions applied in a room must be exactly start+1 … start+n, each once, and the room must be at start+n. */
    static int versionGaps(long start, List<Long> versions, long finalVersion) {
        Set<Long> distinct = new HashSet<>(versions);
        int problems = distinct.size() != versions.size() ? 1 : 0;
        for (long v = start + 1; v <= start + versions.size(); v++) {
            problems += distinct.contains(v) ? 0 : 1;
        }
        problems += finalVersion != start + versions.size() ? 1 : 0;
        return problems;
    }

    @Test
    void different_commands_raced_into_one_room_from_two_nodes_get_distinct_versions_and_gap_free_inboxes() {
        String room = TestPlayer.createRoom(one.base(), "avalon", "{\"players\":5}", 0);
        // Ann sends through node 1 and Bob through node 2; each one's socket is held by the other node.
        Client annSocket = Client.join(traffic, List.of(two.base()), 0, room, "Ann");
        Client bobSocket = Client.join(traffic, List.of(one.base()), 0, room, "Bob");
        sockets.add(annSocket.connect());
        sockets.add(bobSocket.connect());
        WeakNetworkIT.awaitTrue(() -> annSocket.frame() != null && bobSocket.frame() != null
                && annSocket.version() == bobSocket.version(), Duration.ofSeconds(20), "both sockets in sync");
        long start = annSocket.version();

        ConcurrentLinkedQueue<Long> versions = new ConcurrentLinkedQueue<>();
        AtomicInteger busy = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long began = System.nanoTime();
        List<Future<Void>> senders = new ArrayList<>();
        int perMember = COUNT / 2;
        for (int w = 0; w < IN_FLIGHT; w++) {
            senders.add(sendAll(one.base(), annSocket, "ann", w, perMember, versions, busy, failed));
            senders.add(sendAll(two.base(), bobSocket, "bob", w, perMember, versions, busy, failed));
        }
        senders.forEach(Traffic::await);
        double seconds = (System.nanoTime() - began) / 1e9;
        int applied = versions.size();
        long finalVersion = TestPlayer.expect(200, TestPlayer.send(one.base(), "GET", "/api/rooms/" + room + "/view", null,
                annSocket.token)).get("version").asLong();
        int gaps = versionGaps(start, new ArrayList<>(versions), finalVersion);
        WeakNetworkIT.awaitTrue(() -> annSocket.version() == finalVersion && bobSocket.version() == finalVersion
                && annSocket.inboxSeq() == applied && bobSocket.inboxSeq() == applied, Duration.ofSeconds(30),
                "both sockets at the final version with every message");
        int storedInboxGaps = 0;
        for (Client c : List.of(annSocket, bobSocket)) {
            JsonNode inbox = TestPlayer.expect(200, TestPlayer.send(two.base(), "GET", "/api/rooms/" + room + "/inbox?after=0",
                    null, c.token));
            long expected = 1;
            for (JsonNode m : inbox.get("messages")) {
                storedInboxGaps += m.get("seq").asLong() != expected ? 1 : 0;
                expected = m.get("seq").asLong() + 1;
            }
            storedInboxGaps += expected - 1 != applied ? 1 : 0;
        }
        int socketProblems = annSocket.inboxGaps + bobSocket.inboxGaps + annSocket.inboxDuplicates
                + bobSocket.inboxDuplicates + annSocket.patchesOutOfOrder + bobSocket.patchesOutOfOrder;
        Figures.report("RacesIT", String.format(
                "different commands into one room (Ann via node 1, Bob via node 2, %d in flight each): sent=%d in %.1f s "
                        + "applied=%d busyRetried=%d failed=%d start=v%d final=v%d versionGaps=%d storedInboxGaps=%d "
                        + "socketGapsOrBrokenPatches=%d",
                IN_FLIGHT, 2 * perMember, seconds, applied, busy.get(), failed.get(), start, finalVersion, gaps,
                storedInboxGaps, socketProblems));
        assertThat(failed.get()).isZero();
        assertThat(applied).isEqualTo(2 * perMember);
        assertThat(gaps).as("duplicate versions, gaps, or a final version other than start + applied").isZero();
        assertThat(storedInboxGaps).isZero();
        assertThat(socketProblems).isZero();
    }

    /** One sender lane: {@code count} distinct messages, one after another; room/busy is retried with the same key. */
    private static Future<Void> sendAll(String base, Client member, String who, int lane, int count,
            ConcurrentLinkedQueue<Long> versions, AtomicInteger busy, AtomicInteger failed) {
        Promise<Void> done = Promise.promise();
        int mine = count / IN_FLIGHT + (lane < count % IN_FLIGHT ? 1 : 0);
        sendNext(base, member, who + "-" + lane, 0, mine, versions, busy, failed, done);
        return done.future();
    }

    private static void sendNext(String base, Client member, String lane, int i, int count, ConcurrentLinkedQueue<Long> versions,
            AtomicInteger busy, AtomicInteger failed, Promise<Void> done) {
        if (i >= count) {
            done.complete();
            return;
        }
        String key = lane + "-" + i;
        String body = "{\"to\":{\"kind\":\"room\"},\"text\":\"" + key + "\",\"idempotencyKey\":\"" + key + "\"}";
        traffic.call(base, HttpMethod.POST, "/api/rooms/" + member.room + "/messages", body, member.token)
                .onComplete(result -> {
                    if (result.succeeded() && result.result().status() == 200) {
                        versions.add(result.result().body().get("version").asLong());
                        sendNext(base, member, lane, i + 1, count, versions, busy, failed, done);
                    } else if (result.succeeded() && result.result().code().equals("room/busy")) {
                        busy.incrementAndGet();
                        sendNext(base, member, lane, i, count, versions, busy, failed, done);
                    } else {
                        failed.incrementAndGet();
                        sendNext(base, member, lane, i + 1, count, versions, busy, failed, done);
                    }
                });
    }
}
