package io.roundtable.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.roundtable.core.json.Json;
import io.roundtable.demo.support.AvalonMoves;

/**
 * A finished Avalon match tells nobody more than the game showed them live: a spectator never learns a
 * quest card or a vote from the move log, a player learns their own, and only the player of a seat may
 * replay through its eyes. One game (Ann and four bots) serves every test.
 */
@QuarkusTest
class ArchivePrivacyTest {
    static final Duration WAIT = Duration.ofSeconds(60);

    /** The finished match: its id, Ann's seat and token. */
    record Played(String room, int seat, String token) {
    }

    private static Played played;

    /** Ann plays a whole five-seat game against four bots over REST, choosing from her own view only. */
    static synchronized Played played() {
        if (played != null) {
            return played;
        }
        String room = given().contentType(ContentType.JSON).body("{\"game\":\"avalon\",\"bots\":4,\"options\":{\"players\":5}}")
                .post("/api/rooms").then().statusCode(201).extract().path("id");
        String token = given().contentType(ContentType.JSON).body("{\"name\":\"Ann\",\"client\":\"ann-privacy\"}")
                .post("/api/rooms/" + room + "/members").then().statusCode(201).extract().path("token");
        member(token).body("{\"ready\":true}").post("/api/rooms/" + room + "/ready").then().statusCode(200);
        long end = System.nanoTime() + WAIT.toNanos();
        int seat = -1;
        while (true) {
            assertThat(System.nanoTime()).as("the game ends in time").isLessThan(end);
            JsonNode view = json(member(token).get("/api/rooms/" + room + "/view").then().statusCode(200).extract().asString());
            JsonNode frame = view.get("frame");
            if (frame.at("/room/phase").asText().equals("FINISHED")) {
                break;
            }
            if (frame.at("/game/you").isInt()) {
                seat = frame.at("/game/you").asInt();
            }
            Optional<JsonNode> move = AvalonMoves.next(frame);
            if (move.isPresent()) {
                member(token).body("{\"action\":" + move.get() + ",\"expectedVersion\":" + view.get("version") + "}")
                        .post("/api/rooms/" + room + "/actions");
            } else {
                ArchiveTest.sleep(20);
            }
        }
        while (given().get("/api/matches/" + room).statusCode() != 200) {
            assertThat(System.nanoTime()).as("the match is archived in time").isLessThan(end);
            ArchiveTest.sleep(100);
        }
        played = new Played(room, seat, token);
        return played;
    }

    static RequestSpecification member(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    static JsonNode json(String body) {
        return Json.read(body, JsonNode.class);
    }

    /** Steps in the match's log. */
    static int steps(Played game) {
        return given().get("/api/matches/" + game.room()).then().statusCode(200).extract().path("match.moves");
    }

    /** A vote or a quest card: the two moves Avalon keeps between the player and the game. */
    static boolean secret(JsonNode move) {
        String type = move.path("action").path("type").asText();
        return type.equals("vote") || type.equals("quest");
    }

    /** The move names only its kind, e.g. {"type":"quest"}. */
    static void assertKindOnly(JsonNode move, String as) {
        assertThat(move.get("action").size()).as("%s: %s", as, move).isEqualTo(1);
    }

    @Test
    void a_spectator_never_learns_a_quest_card_or_a_vote_from_the_match_or_any_replay_step() {
        Played game = played();
        String detail = given().get("/api/matches/" + game.room()).then().statusCode(200).extract().asString();
        assertThat(detail).doesNotContain("\"card\"").doesNotContain("\"seed\"").doesNotContain("finalState")
                .doesNotContain("\"outcome\"");
        assertThat(json(detail).get("moves").toString()).doesNotContain("\"vote\":");
        assertThat(given().queryParam("size", 100).get("/api/matches").then().statusCode(200).extract().asString())
                .as("the history").doesNotContain("\"seed\"").doesNotContain("finalState").doesNotContain("\"outcome\"");
        int secrets = 0;
        for (JsonNode move : json(detail).get("moves")) {
            if (secret(move)) {
                assertKindOnly(move, "the spectator's log");
                secrets++;
            }
        }
        assertThat(secrets).as("the game had votes and quests").isGreaterThan(5);
        assertThat(json(detail).get("fullReveal").asBoolean(true)).as("full reveal is off by default").isFalse();

        int steps = steps(game);
        for (int step = 0; step <= steps; step++) {
            String body = given().queryParam("step", step).get("/api/matches/" + game.room() + "/replay")
                    .then().statusCode(200).body("viewer", equalTo("spectator")).extract().asString();
            assertThat(body).as("step %d", step).doesNotContain("\"card\"");
            JsonNode move = json(body).get("move");
            if (step > 0 && secret(move)) {
                assertKindOnly(move, "step " + step);
            }
        }
    }

    @Test
    void a_player_replays_through_their_own_eyes_and_learns_their_own_votes_and_cards_only() {
        Played game = played();
        int steps = steps(game);
        int own = 0;
        for (int step = 1; step <= steps; step++) {
            JsonNode move = json(member(game.token()).queryParam("step", step).queryParam("viewer", "seat:" + game.seat())
                    .get("/api/matches/" + game.room() + "/replay").then().statusCode(200)
                    .body("view.you", equalTo(game.seat())).extract().asString()).get("move");
            if (!secret(move)) {
                continue;
            }
            if (move.get("seat").asInt() == game.seat()) {
                assertThat(move.get("action").size()).as("Ann's own %s at step %d", move, step).isEqualTo(2);
                own++;
            } else {
                assertKindOnly(move, "another seat's move at step " + step);
            }
        }
        assertThat(own).as("Ann voted at least once").isPositive();
        member(game.token()).get("/api/matches/" + game.room()).then().statusCode(200).body("you", equalTo(game.seat()));

        JsonNode log = json(member(game.token()).queryParam("viewer", "seat:" + game.seat())
                .get("/api/matches/" + game.room()).then().statusCode(200).extract().asString()).get("moves");
        for (JsonNode move : log) {
            if (secret(move) && move.get("seat").asInt() != game.seat()) {
                assertKindOnly(move, "Ann's log");
            }
        }
        member(game.token()).queryParam("viewer", "spectator").get("/api/matches/" + game.room() + "/replay")
                .then().statusCode(200).body("viewer", equalTo("spectator")).body("view.you", equalTo(null));
    }

    @Test
    void a_seats_eyes_are_refused_without_its_players_token() {
        Played game = played();
        String path = "/api/matches/" + game.room() + "/replay";
        String mine = "seat:" + game.seat();
        String other = "seat:" + (game.seat() + 1) % 5;
        given().queryParam("viewer", mine).get(path).then().statusCode(401)
                .body("error.code", equalTo("auth/missing_token")).body("error.message", notNullValue());
        member(game.token()).queryParam("viewer", other).get(path).then().statusCode(401)
                .body("error.code", equalTo("auth/invalid_token"));
        member(game.token() + "x").queryParam("viewer", mine).get(path).then().statusCode(401)
                .body("error.code", equalTo("auth/invalid_token"));
        given().queryParam("viewer", other).get("/api/matches/" + game.room()).then().statusCode(401)
                .body("error.code", equalTo("auth/missing_token"));
        member(game.token()).queryParam("viewer", other).get("/api/matches/" + game.room()).then().statusCode(401)
                .body("error.code", equalTo("auth/invalid_token"));
        given().get("/api/matches/" + game.room()).then().statusCode(200).body("you", equalTo(null))
                .body("moves", not(equalTo(null)));
    }

    @Test
    void no_answer_of_the_api_has_room_for_a_matchs_seed_or_final_state() {
        JsonNode schemas = json(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .asString()).at("/components/schemas");
        List<String> found = new ArrayList<>();
        schemas.fields().forEachRemaining(schema -> List.of("seed", "finalState").forEach(field -> {
            if (schema.getValue().path("properties").has(field)) {
                found.add(schema.getKey() + "." + field);
            }
        }));
        assertThat(schemas.size()).isGreaterThan(5);
        assertThat(found).isEmpty();
    }

    @Test
    void the_fully_revealed_match_is_refused_unless_the_operator_opted_in() {
        Played game = played();
        for (String path : new String[] {"/api/matches/" + game.room() + "/replay", "/api/matches/" + game.room()}) {
            member(game.token()).queryParam("viewer", "revealed").get(path).then().statusCode(400)
                    .body("error.code", equalTo("request/invalid"))
                    .body("error.message", equalTo("This server does not show fully revealed replays."));
        }
    }
}
