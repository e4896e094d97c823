package io.roundtable.demo;

import static io.roundtable.demo.support.TestPlayer.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.panache.common.Sort;
import io.quarkus.vertx.VertxContextSupport;
import io.roundtable.core.json.Json;
import io.roundtable.core.room.GameCatalog;
import io.roundtable.core.room.Move;
import io.roundtable.core.room.Replay;
import io.roundtable.core.room.Room;
import io.roundtable.demo.support.AvalonMoves;
import io.roundtable.demo.support.TestPlayer;
import io.roundtable.runtime.archive.ArchivedMatch;
import io.roundtable.runtime.archive.ArchivedMove;
import io.roundtable.runtime.archive.Archiver;
import io.roundtable.runtime.store.RoomStore;
import io.smallrye.mutiny.Uni;

/** Finished matches land in PostgreSQL once, with every step, and replay exactly. */
@QuarkusTest
class ArchiveTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URI uri;

    @Inject
    Archiver archiver;

    @Inject
    RoomStore store;

    @Inject
    GameCatalog games;

    String base() {
        return uri.toString().replaceAll("/$", "");
    }

    /** Creates a room of bots only and waits until its archive is readable. */
    JsonNode botsOnlyMatch(String game, int bots) {
        String room = TestPlayer.createRoom(base(), game, null, bots);
        return awaitArchived(room);
    }

    JsonNode awaitArchived(String room) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            var response = TestPlayer.send(base(), "GET", "/api/matches/" + room, null, null);
            if (response.statusCode() == 200) {
                return Json.read(response.body(), JsonNode.class);
            }
            sleep(100);
        }
        throw new AssertionError("match " + room + " was not archived");
    }

    @Test
    void a_finished_avalon_game_of_bots_is_archived_with_all_its_steps() {
        JsonNode detail = botsOnlyMatch("avalon", 5);
        JsonNode match = detail.get("match");
        assertThat(match.get("game").asText()).isEqualTo("avalon");
        assertThat(match.get("participants")).hasSize(5);
        assertThat(match.get("participants").findValuesAsText("revealed")).doesNotContainNull();
        assertThat(detail.get("moves").size()).isEqualTo(match.get("moves").asInt()).isGreaterThan(5);
        for (int i = 0; i < detail.get("moves").size(); i++) {
            assertThat(detail.get("moves").get(i).get("index").asInt()).isEqualTo(i);
        }
        Room live = store.load(match.get("id").asText()).await().atMost(WAIT);
        assertThat(detail.get("moves").size()).isEqualTo((int) live.slot().moves());
    }

    @Test
    void replaying_the_archived_log_from_the_seed_reproduces_the_archived_final_state() throws Throwable {
        String id = botsOnlyMatch("avalon", 5).at("/match/id").asText();
        Map.Entry<ArchivedMatch, List<ArchivedMove>> archived = VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> ArchivedMatch.<ArchivedMatch> findById(id)
                        .chain(match -> ArchivedMove.<ArchivedMove> find("matchId", Sort.ascending("idx"), id).list()
                                .map(rows -> Map.entry(match, rows)))));
        ArchivedMatch match = archived.getKey();
        List<Move> moves = archived.getValue().stream().map(r -> new Move(r.idx, r.kind, r.seat,
                r.action == null ? null : Json.read(r.action, JsonNode.class), r.byWhom, r.at, r.version)).toList();
        JsonNode replayed = Replay.state(games.get(match.game), Json.read(match.options, JsonNode.class), match.players,
                match.seed, moves, moves.size());
        assertThat(replayed).isEqualTo(Json.read(match.finalState, JsonNode.class));
        assertThat(moves).hasSize(match.moveCount);
    }

    @Test
    void the_replay_at_each_step_as_a_seat_equals_what_that_seat_was_sent_live() {
        String room = TestPlayer.createRoom(base(), "avalon", "{\"players\":5}", 4);
        TestPlayer ann = TestPlayer.join(base(), room, "Ann", false).connect(RoomFlowTest.ORIGIN);
        ann.ok("POST", "/ready", "{\"ready\":true}");
        long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < end) {
            JsonNode view = ann.ok("GET", "/view", null);
            if (view.at("/frame/room/phase").asText().equals("FINISHED")) {
                break;
            }
            Optional<JsonNode> move = AvalonMoves.next(view.get("frame"));
            if (move.isPresent()) {
                ann.call("POST", "/actions", "{\"action\":" + move.get() + ",\"expectedVersion\":" + view.get("version") + "}");
            } else {
                sleep(20);
            }
        }
        JsonNode detail = awaitArchived(room);
        JsonNode finalView = ann.ok("GET", "/view", null);
        ann.awaitFrame(f -> f.at("/room/version").asLong() == finalView.get("version").asLong(), WAIT);
        int seat = finalView.at("/frame/game/you").asInt();
        List<JsonNode> moves = List.copyOf(detail.get("moves").findParents("index"));
        int checked = 0;
        for (var entry : new java.util.TreeMap<>(ann.history).entrySet()) {
            JsonNode frame = entry.getValue();
            if (frame.get("game").isNull()) {
                continue;
            }
            long version = entry.getKey();
            long steps = moves.stream().filter(m -> m.get("version").asLong() <= version).count();
            JsonNode replay = expect(200, TestPlayer.send(base(), "GET", "/api/matches/" + room + "/replay?step=" + steps
                    + "&viewer=seat:" + seat, null, ann.token));
            assertThat(replay.get("view")).as("step %d (version %d)", steps, version).isEqualTo(frame.get("game"));
            checked++;
        }
        assertThat(checked).isGreaterThan(3);
    }

    @Test
    void two_nodes_archiving_the_same_match_at_once_write_one_row() {
        String room = TestPlayer.createRoom(base(), "guess", null, 2);
        awaitArchived(room);
        Room finished = store.load(room).await().atMost(WAIT);
        List<Boolean> results = Uni.join().all(archiver.archive(finished), archiver.archive(finished)).andCollectFailures()
                .await().atMost(WAIT);
        assertThat(results).containsOnly(false);
        JsonNode page = expect(200, TestPlayer.send(base(), "GET", "/api/matches?game=guess&size=100", null, null));
        assertThat(page.get("items").findValuesAsText("id").stream().filter(room::equals)).hasSize(1);
    }

    @Test
    void matches_can_be_listed_by_game_player_and_date_with_pages() {
        for (int i = 0; i < 3; i++) {
            botsOnlyMatch("guess", 2);
        }
        JsonNode first = expect(200, TestPlayer.send(base(), "GET", "/api/matches?game=guess&size=2&page=0", null, null));
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(3);
        JsonNode second = expect(200, TestPlayer.send(base(), "GET", "/api/matches?game=guess&size=2&page=1", null, null));
        assertThat(second.get("items").findValuesAsText("id")).doesNotContainAnyElementsOf(
                first.get("items").findValuesAsText("id"));
        JsonNode newest = first.get("items").get(0);
        assertThat(newest.get("finishedAt").asText()).isGreaterThanOrEqualTo(first.get("items").get(1).get("finishedAt").asText());
        JsonNode byPlayer = expect(200, TestPlayer.send(base(), "GET", "/api/matches?player=bot%201&game=guess", null, null));
        assertThat(byPlayer.get("total").asLong()).isGreaterThanOrEqualTo(3);
        JsonNode none = expect(200, TestPlayer.send(base(), "GET", "/api/matches?player=nobody-at-all", null, null));
        assertThat(none.get("total").asLong()).isZero();
        JsonNode past = expect(200, TestPlayer.send(base(), "GET", "/api/matches?to=2001-01-01", null, null));
        assertThat(past.get("total").asLong()).isZero();
        JsonNode today = expect(200, TestPlayer.send(base(), "GET", "/api/matches?game=guess&from="
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1), null, null));
        assertThat(today.get("total").asLong()).isGreaterThanOrEqualTo(3);
        JsonNode stats = expect(200, TestPlayer.send(base(), "GET", "/api/players/Bot%201/stats", null, null));
        assertThat(stats.get("games").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(stats.at("/byGame/guess/games").asLong()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void bad_pages_sizes_and_dates_are_refused_with_clear_errors() {
        for (String query : List.of("page=-1", "size=0", "size=100000", "from=yesterday", "to=2026-13-45",
                "from=2026-02-01&to=2026-01-01", "sort=sideways", "game=Not%20A%20Game")) {
            var response = TestPlayer.send(base(), "GET", "/api/matches?" + query, null, null);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            JsonNode error = Json.read(response.body(), JsonNode.class).get("error");
            assertThat(error.get("code").asText()).as(query).isEqualTo("request/invalid");
            assertThat(error.get("message").asText()).as(query).isNotBlank();
        }
        var unknown = TestPlayer.send(base(), "GET", "/api/matches/no-such-match", null, null);
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(Json.read(unknown.body(), JsonNode.class).at("/error/code").asText()).isEqualTo("request/not_found");
        String id = botsOnlyMatch("guess", 2).at("/match/id").asText();
        for (String query : List.of("step=-1", "step=100000", "viewer=seat:9", "viewer=everyone")) {
            var response = TestPlayer.send(base(), "GET", "/api/matches/" + id + "/replay?" + query, null, null);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
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
