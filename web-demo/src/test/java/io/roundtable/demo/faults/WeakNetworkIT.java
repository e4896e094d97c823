package io.roundtable.demo.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.roundtable.demo.cluster.Node;
import io.roundtable.demo.cluster.Servers;
import io.roundtable.demo.faults.Tables.Audit;
import io.roundtable.demo.faults.Tables.Game;
import io.roundtable.demo.support.TestPlayer;

/**
 * Weak network: Ann plays through a {@link FaultyProxy}, Bob straight to the node, three bots fill the
 * Avalon table; the node runs with short presence timings (away after 1 s, offline after 2 s, seat lost
 * after a 3 s grace period) and a 2 s socket idle timeout. Ann's client pings every 250 ms and gives up on
 * a socket silent for 0.7 s. Cut off for less than the grace period, Ann keeps her seat and resumes; cut off
 * for longer, a bot stands in for her (everyone sees {@code standIn}) and she gets her seat back when she
 * returns.
 */
class WeakNetworkIT {
    static final Duration WAIT = Duration.ofSeconds(20);
    static Servers servers;
    static Node node;
    static FaultyProxy proxy;
    static Traffic traffic;
    static Game game;

    @BeforeAll
    static void start() throws Exception {
        servers = Servers.start();
        Map<String, String> settings = new HashMap<>(Tables.WIDE_LIMITS);
        settings.put("roundtable.presence.away-after", "1s");
        settings.put("roundtable.presence.offline-after", "2s");
        settings.put("roundtable.presence.grace-period", "3s");
        settings.put("roundtable.presence.heartbeat-write-every", "200ms");
        settings.put("roundtable.ws.idle-timeout", "2s");
        settings.put("roundtable.rooms.sweep-interval", "250ms");
        settings.put("roundtable.rooms.sweep-tick", "250ms");
        node = Node.start("weak-node", Servers.freePort(), servers.settings(settings));
        proxy = FaultyProxy.to(node.port());
        traffic = new Traffic();
    }

    @AfterAll
    static void stop() throws Exception {
        if (game != null) {
            Tables.stop(List.of(game));
        }
        Cleanup.all(traffic, proxy, node, servers);
    }

    @Test
    void a_short_cut_keeps_the_seat_and_a_long_one_lets_a_bot_stand_in_until_the_player_is_back() {
        String room = TestPlayer.createRoom(node.base(), "avalon", "{\"players\":5}", 3);
        Client annClient = Client.join(traffic, List.of(proxy.base()), 0, room, "Ann");
        Client bobClient = Client.join(traffic, List.of(node.base()), 0, room, "Bob");
        for (Client c : List.of(annClient, bobClient)) {
            c.pingEveryMillis = 250;
        }
        annClient.deadAfterMillis = 700;
        annClient.attemptTimeoutMillis = 1_000;
        AtomicBoolean annHold = new AtomicBoolean(true);
        AtomicBoolean bobHold = new AtomicBoolean(true);
        AvalonPlayer ann = new AvalonPlayer(annClient, annHold, 1, 150, 300);
        AvalonPlayer bob = new AvalonPlayer(bobClient, bobHold, 2, 150, 300);
        game = new Game(room, ann, bob);
        // What Bob's client shows of Ann, frame by frame.
        AtomicLong standInSeenAt = new AtomicLong();
        AtomicBoolean standInEverSeen = new AtomicBoolean();
        bobClient.watchers.add(frame -> {
            JsonNode me = member(frame, annClient.member);
            if (me != null && me.path("standIn").asBoolean() && standInEverSeen.compareAndSet(false, true)) {
                standInSeenAt.set(System.nanoTime());
            }
        });
        annClient.connect();
        bobClient.connect();
        for (Client c : List.of(annClient, bobClient)) {
            TestPlayer.expect(200, TestPlayer.send(node.base(), "POST", "/api/rooms/" + room + "/ready", "{\"ready\":true}",
                    c.token));
        }
        Tables.await(List.of(game), Tables::playing, WAIT, "play started");
        release(annHold, ann);
        release(bobHold, bob);
        awaitTrue(() -> Tables.acknowledged(List.of(game)) >= 4, WAIT, "a few moves");

        // 1. Cut off for less than the 3 s grace period — a 0.5 s blip the socket rides out, then 1.5 s after
        // which Ann's client gives up on its socket and reconnects: the seat stays Ann's, and she resumes.
        // (Bob waits from now on until Ann is back from the long cut, so that the game cannot run away.)
        bobHold.set(true);
        String blip = shortCut(annClient, bobClient, 500);
        String shortCut = shortCut(annClient, bobClient, 1_500);
        boolean standInAfterShortCuts = standInEverSeen.get();
        assertThat(standInAfterShortCuts).as("a bot stood in during a cut shorter than the grace period").isFalse();

        // 2. Cut off for longer than the grace period: a bot stands in for Ann, and everyone sees it; back,
        // Ann gets her seat again.
        int opensBefore = annClient.opens;
        long cut = System.nanoTime();
        proxy.blackhole();
        awaitTrue(standInEverSeen::get, WAIT, "Bob sees a bot standing in for Ann");
        double standInAfter = (standInSeenAt.get() - cut) / 1e6;
        JsonNode spectator = Json.read(TestPlayer.send(node.base(), "GET", "/api/rooms/" + room + "/spectate", null, null)
                .body(), JsonNode.class);
        assertThat(member(spectator.get("frame"), annClient.member).path("standIn").asBoolean())
                .as("a spectator sees the stand-in too").isTrue();
        Tables.sleep(1_000);
        proxy.heal();
        long healed = System.nanoTime();
        awaitTrue(() -> inSync(annClient) && online(bobClient.frame(), annClient.member)
                && !member(bobClient.frame(), annClient.member).path("standIn").asBoolean()
                && !member(annClient.frame(), annClient.member).path("standIn").asBoolean(), WAIT,
                "Ann has her seat back");
        double seatBack = (System.nanoTime() - healed) / 1e6;
        int reconnectsLong = annClient.opens - opensBefore;
        long versionAtReturn = annClient.version();
        release(bobHold, bob);

        Tables.await(List.of(game), Tables::finished, Duration.ofMinutes(2), "finished");
        Audit audit = Tables.audit(node.base(), List.of(game), Duration.ofSeconds(30));
        JsonNode log = Tables.archived(node.base(), room);
        int botMovesForAnn = 0;
        int seatMovesAfterReturn = 0;
        int botMovesAfterReturn = 0;
        for (JsonNode move : log.get("moves")) {
            if (move.get("seat").asInt() != ann.seat) {
                continue;
            }
            boolean byBot = move.get("by").asText().equals("bot");
            if (byBot) {
                botMovesForAnn++;
            }
            if (move.get("version").asLong() > versionAtReturn) {
                seatMovesAfterReturn++;
                botMovesAfterReturn += byBot ? 1 : 0;
            }
        }
        // Whether the game still needed Ann's seat after her return depends on where it stood (it may end on
        // Bob's quest card); every move it did need from her seat must be hers.
        long annMovesAfterReturn = ann.acknowledged.values().stream().filter(v -> v > versionAtReturn).count();
        Figures.report("WeakNetworkIT", String.format(
                "grace 3 s | %s | %s | standIn during short cuts=%s | long cut: a bot stood in %.0f ms after the cut, "
                        + "%d bot move(s) for Ann's seat, seat back and in sync %.0f ms after the network healed "
                        + "(reconnected %d time(s)), Ann's moves after her return=%d of her seat's %d | archive: "
                        + "acknowledged=%d missing=%d appliedTwice=%d brokenChains=%d",
                blip, shortCut, standInAfterShortCuts, standInAfter, botMovesForAnn, seatBack, reconnectsLong,
                annMovesAfterReturn, seatMovesAfterReturn, audit.acknowledged(), audit.missing(), audit.extra(),
                annClient.patchesOutOfOrder + bobClient.patchesOutOfOrder));
        assertThat(botMovesAfterReturn).as("a bot moved for Ann's seat after her return").isZero();
        assertThat(annMovesAfterReturn).as("Ann made every move of her seat after her return")
                .isEqualTo(seatMovesAfterReturn);
        assertThat(audit.missing()).isZero();
        assertThat(audit.extra()).isZero();
        assertThat(annClient.patchesOutOfOrder + bobClient.patchesOutOfOrder).isZero();
    }

    /** Cuts Ann off for {@code millis}, heals, and waits until she is in sync and online again. */
    private static String shortCut(Client ann, Client bob, long millis) {
        int opensBefore = ann.opens;
        proxy.blackhole();
        Tables.sleep(millis);
        proxy.heal();
        long healed = System.nanoTime();
        awaitTrue(() -> inSync(ann) && online(bob.frame(), ann.member), WAIT,
                "Ann back in sync and online after a " + millis + " ms cut");
        return String.format("cut %d ms: Ann reconnected %d time(s), in sync and online %.0f ms after the network healed",
                millis, ann.opens - opensBefore, (System.nanoTime() - healed) / 1e6);
    }

    private static void release(AtomicBoolean hold, AvalonPlayer player) {
        hold.set(false);
        player.release();
    }

    static JsonNode member(JsonNode frame, String id) {
        if (frame == null) {
            return null;
        }
        for (JsonNode m : frame.at("/room/members")) {
            if (m.path("id").asText().equals(id)) {
                return m;
            }
        }
        return null;
    }

    static boolean online(JsonNode frame, String id) {
        JsonNode m = member(frame, id);
        return m != null && m.path("presence").asText().equals("ONLINE");
    }

    /** The client holds the room's current version (asked of the node directly, with its token). */
    static boolean inSync(Client c) {
        var view = TestPlayer.send(node.base(), "GET", "/api/rooms/" + c.room + "/view", null, c.token);
        return c.connected() && view.statusCode() == 200
                && Json.read(view.body(), JsonNode.class).get("version").asLong() == c.version();
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            Tables.sleep(20);
        }
        throw new AssertionError("timed out waiting for: " + what);
    }

}
