package io.roundtable.demo.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.roundtable.demo.cluster.Node;
import io.roundtable.demo.cluster.Resp;
import io.roundtable.demo.cluster.Servers;
import io.roundtable.demo.faults.Tables.Audit;
import io.roundtable.demo.faults.Tables.Game;

/**
 * Node death: two app nodes on one Redis, {@code death.rooms} Avalon rooms mid-game (three server bots and
 * two client-driven seats per room, one client on each node). Node 1 is killed with SIGKILL; its clients
 * reconnect to node 2 and resume with their version and inbox, and send again, with the same idempotency
 * key, whatever was left unanswered. The archive of every finished match is then compared with what the
 * clients were told: no room lost, no acknowledged action missing, none applied twice.
 */
class NodeDeathIT {
    static final int ROOMS = Figures.size("death.rooms", 50);
    static Servers servers;
    static Node one;
    static Node two;
    static Traffic traffic;
    static List<Game> games;

    @BeforeAll
    static void start() throws Exception {
        servers = Servers.start();
        one = Node.start("death-node1", Servers.freePort(), servers.settings(Tables.WIDE_LIMITS));
        two = Node.start("death-node2", Servers.freePort(), servers.settings(Tables.WIDE_LIMITS));
        traffic = new Traffic();
    }

    @AfterAll
    static void stop() throws Exception {
        Tables.stop(games);
        Cleanup.all(traffic, one, two, servers);
    }

    @Test
    void killing_a_node_mid_game_loses_no_room_and_no_acknowledged_action() throws Exception {
        games = Tables.midGame(traffic, List.of(one.base(), two.base()), ROOMS, new AtomicBoolean(), ROOMS * 6);

        long killedAt = System.nanoTime();
        games.forEach(g -> g.first().client.trackResume(killedAt));
        int unansweredAtKill = (int) games.stream().flatMap(g -> g.players().stream()).filter(AvalonPlayer::waiting).count();
        int acknowledgedBefore = Tables.acknowledged(games);
        one.kill9();
        Map<String, Long> versionAtKill = new HashMap<>();
        try (Resp redis = servers.redis().connect()) {
            for (Game g : games) {
                versionAtKill.put(g.id(), Tables.redisVersion(redis, g.id()));
            }
        }

        Tables.await(games, Tables::finished, Duration.ofMinutes(3), "finished");
        Audit audit = Tables.audit(two.base(), games, Duration.ofSeconds(60));

        List<Double> resumeMillis = new ArrayList<>();
        int neverResumed = 0;
        for (Game g : games) {
            long nanos = g.first().client.resumedAfterNanos(versionAtKill.get(g.id()));
            if (nanos < 0) {
                neverResumed++;
            } else {
                resumeMillis.add(nanos / 1e6);
            }
        }
        List<AvalonPlayer> players = games.stream().flatMap(g -> g.players().stream()).toList();
        int resent = players.stream().mapToInt(p -> p.resent).sum();
        int broken = players.stream().mapToInt(p -> p.client.patchesOutOfOrder + p.client.inboxGaps
                + p.client.inboxDuplicates).sum();
        int conflicting = players.stream().mapToInt(p -> p.conflictingAnswers).sum();
        Figures.report("NodeDeathIT", String.format(
                "rooms=%d lost=%d acknowledged=%d (before kill %d) missing=%d appliedTwice=%d playerMoves=%d "
                        + "unansweredAtKill=%d resentSameKey=%d resumed=%d neverResumed=%d resume p50=%.0f ms p99=%.0f ms "
                        + "max=%.0f ms brokenChains=%d conflictingAnswers=%d",
                audit.rooms(), audit.lost(), audit.acknowledged(), acknowledgedBefore, audit.missing(), audit.extra(),
                audit.playerMoves(), unansweredAtKill, resent, resumeMillis.size(), neverResumed,
                Figures.percentile(resumeMillis, 50), Figures.percentile(resumeMillis, 99),
                Figures.percentile(resumeMillis, 100), broken, conflicting));

        players.stream().filter(p -> p.client.broken != null).forEach(p -> Figures.report("NodeDeathIT",
                "broken chain at " + p.client.room + "/" + p.client.member + ": " + p.client.broken));
        games.stream().map(Game::first).filter(p -> p.client.resumedAfterNanos(versionAtKill.get(p.client.room)) > 2e9)
                .forEach(p -> Figures.report("NodeDeathIT", "slow resume " + p.client.room + "/" + p.client.member
                        + " opens=" + p.client.opens + " connectFailures=" + p.client.connectFailures + " target v"
                        + versionAtKill.get(p.client.room) + " " + p.client.trackedSummary()));
        assertThat(audit.lost()).as("rooms lost").isZero();
        assertThat(audit.missing()).as("acknowledged actions missing from the archived log").isZero();
        assertThat(audit.extra()).as("player moves applied twice or without acknowledgement").isZero();
        assertThat(neverResumed).as("clients of the dead node that never resumed in sync").isZero();
        assertThat(broken).as("patches out of order, inbox gaps or duplicates seen by clients").isZero();
        assertThat(conflicting).as("keys answered with two different versions").isZero();
    }
}
