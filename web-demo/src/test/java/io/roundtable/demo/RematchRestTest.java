package io.roundtable.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.roundtable.core.json.Json;
import io.roundtable.demo.support.TestPlayer;
import io.roundtable.runtime.rooms.RoomService;

/** Play again with the same table: the first member to ask creates the next room, everyone else is pointed to it. */
@QuarkusTest
class RematchRestTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String OPTIONS = "{\"players\":2,\"rounds\":1}";

    @TestHTTPResource("/")
    URI uri;

    @Inject
    RoomService rooms;

    String base;

    @BeforeEach
    void base() {
        base = uri.toString().replaceAll("/$", "");
    }

    /** Ann and Bob play a one-round game of guess to its end. */
    List<TestPlayer> finishedGame() {
        String room = TestPlayer.createRoom(base, "guess", OPTIONS, 0);
        TestPlayer ann = TestPlayer.join(base, room, "Ann", false);
        TestPlayer bob = TestPlayer.join(base, room, "Bob", false);
        ann.ok("POST", "/ready", "{\"ready\":true}");
        bob.ok("POST", "/ready", "{\"ready\":true}");
        awaitPhase(ann, "PLAY");
        RoomFlowTest.playToTheEnd(ann, bob);
        return List.of(ann, bob);
    }

    static void awaitPhase(TestPlayer player, String phase) {
        long end = System.currentTimeMillis() + WAIT.toMillis();
        while (!player.ok("GET", "/view", null).at("/frame/room/phase").asText().equals(phase)) {
            assertThat(System.currentTimeMillis()).as("reaching " + phase).isLessThan(end);
        }
    }

    static JsonPath rematch(TestPlayer player, int status) {
        return given().header("Authorization", "Bearer " + player.token).contentType(ContentType.JSON)
                .when().post("/api/rooms/{room}/rematch", player.room)
                .then().statusCode(status).extract().jsonPath();
    }

    static JsonNode spectate(String room) {
        return Json.read(given().when().get("/api/rooms/{room}/spectate", room).then().statusCode(200).extract().asString(),
                JsonNode.class).get("frame");
    }

    @Test
    void the_first_to_ask_creates_the_next_room_and_everyone_after_gets_the_same_one() {
        List<TestPlayer> table = finishedGame();
        TestPlayer ann = table.get(0);
        TestPlayer bob = table.get(1);
        assertThat(ann.ok("GET", "/view", null).at("/frame/room/next").isNull()).isTrue();

        JsonPath first = rematch(ann, 200);
        String next = first.getString("room");
        assertThat(first.getBoolean("created")).isTrue();
        assertThat(next).isNotEqualTo(ann.room);

        JsonPath again = rematch(bob, 200);
        assertThat(again.getString("room")).isEqualTo(next);
        assertThat(again.getBoolean("created")).isFalse();
        assertThat(rematch(ann, 200).getString("room")).isEqualTo(next);

        assertThat(bob.ok("GET", "/view", null).at("/frame/room/next/room").asText()).isEqualTo(next);
        assertThat(bob.ok("GET", "/view", null).at("/frame/room/next/by").asText()).as("who asked first")
                .isEqualTo(ann.member);
        assertThat(spectate(ann.room).at("/room/next/room").asText()).as("anonymous spectators see it too").isEqualTo(next);
        JsonNode fresh = spectate(next);
        assertThat(fresh.at("/room/game").asText()).isEqualTo("guess");
        assertThat(fresh.at("/room/phase").asText()).isEqualTo("LOBBY");
        assertThat(fresh.at("/room/options")).isEqualTo(spectate(ann.room).at("/room/options"));
        assertThat(fresh.at("/room/next").isNull()).isTrue();

        TestPlayer bobAgain = TestPlayer.join(base, next, "Bob", false);
        TestPlayer annAgain = TestPlayer.join(base, next, "Ann", false);
        JsonNode seated = bobAgain.ok("GET", "/view", null).at("/frame/room/members");
        assertThat(seated).extracting(m -> m.get("name").asText()).containsExactly("Bob", "Ann");
        assertThat(annAgain.ok("GET", "/view", null).at("/frame/me/member").asText()).isEqualTo(annAgain.member);
    }

    @Test
    void concurrent_asks_get_the_same_room_and_exactly_one_room_is_created() throws Exception {
        List<TestPlayer> table = finishedGame();
        Set<String> before = guessRooms();
        int asks = 8;
        ExecutorService pool = Executors.newFixedThreadPool(asks);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonPath>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < asks; i++) {
                TestPlayer asker = table.get(i % 2);
                Callable<JsonPath> ask = () -> {
                    start.await();
                    return rematch(asker, 200);
                };
                answers.add(pool.submit(ask));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            int created = 0;
            for (Future<JsonPath> answer : answers) {
                JsonPath body = answer.get();
                ids.add(body.getString("room"));
                created += body.getBoolean("created") ? 1 : 0;
            }
            assertThat(ids).hasSize(1);
            assertThat(created).as("answers saying they created the room").isEqualTo(1);
            Set<String> after = guessRooms();
            after.removeAll(before);
            assertThat(after).as("rooms left behind by the asks").containsExactlyElementsOf(ids);
        } finally {
            pool.shutdownNow();
        }
    }

    Set<String> guessRooms() {
        List<String> ids = given().when().get("/api/rooms?game=guess&limit=500").then().statusCode(200)
                .extract().jsonPath().getList("id", String.class);
        return new HashSet<>(ids);
    }

    @Test
    void a_rematch_before_the_end_is_refused() {
        String room = TestPlayer.createRoom(base, "guess", OPTIONS, 0);
        TestPlayer ann = TestPlayer.join(base, room, "Ann", false);
        given().header("Authorization", "Bearer " + ann.token).contentType(ContentType.JSON)
                .when().post("/api/rooms/{room}/rematch", room)
                .then().statusCode(409).body("error.code", equalTo("room/wrong_phase"));
    }

    @Test
    void a_spectator_may_ask_and_the_next_room_has_as_many_bots_and_the_same_options() {
        String room = TestPlayer.createRoom(base, "guess", "{\"players\":3,\"rounds\":1}", 3);
        TestPlayer wes = TestPlayer.join(base, room, "Wes", true);
        awaitPhase(wes, "FINISHED");
        JsonPath answer = rematch(wes, 200);
        assertThat(answer.getBoolean("created")).isTrue();
        JsonNode next = spectate(answer.getString("room"));
        assertThat(next.at("/room/members")).filteredOn(m -> m.get("bot").asBoolean()).hasSize(3);
        assertThat(next.at("/room/options/players").asInt()).isEqualTo(3);
    }

    @Test
    void the_archive_says_which_match_a_rematch_follows_and_which_followed_a_match() {
        String room = TestPlayer.createRoom(base, "guess", "{\"players\":3,\"rounds\":1}", 3);
        TestPlayer wes = TestPlayer.join(base, room, "Wes", true);
        awaitPhase(wes, "FINISHED");
        String next = rematch(wes, 200).getString("room"); // three bots: the next game plays itself to its end
        JsonPath later = archived(next);
        assertThat(later.getString("match.follows")).isEqualTo(room);
        assertThat(later.getString("followedBy")).as("nothing followed it yet").isNull();
        JsonPath earlier = archived(room);
        assertThat(earlier.getString("match.follows")).isNull();
        assertThat(earlier.getString("followedBy")).isEqualTo(next);
        given().when().get("/api/matches?game=guess&size=100").then().statusCode(200)
                .body("items.find { it.id == '" + next + "' }.follows", equalTo(room))
                .body("items.find { it.id == '" + room + "' }.follows", nullValue());
    }

    /** GET /api/matches/{id}, once the match is archived. */
    static JsonPath archived(String match) {
        long end = System.currentTimeMillis() + WAIT.toMillis();
        while (true) {
            var response = given().when().get("/api/matches/{id}", match).then().extract();
            if (response.statusCode() == 200) {
                return response.jsonPath();
            }
            assertThat(System.currentTimeMillis()).as("match " + match + " archived").isLessThan(end);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void asking_without_a_token_or_for_a_room_gone_gets_a_typed_error() {
        List<TestPlayer> table = finishedGame();
        TestPlayer ann = table.get(0);
        given().contentType(ContentType.JSON).when().post("/api/rooms/{room}/rematch", ann.room)
                .then().statusCode(401).body("error.code", equalTo("auth/missing_token"));
        rooms.remove(rooms.fresh(ann.room).await().atMost(WAIT)).await().atMost(WAIT);
        given().header("Authorization", "Bearer " + ann.token).contentType(ContentType.JSON)
                .when().post("/api/rooms/{room}/rematch", ann.room)
                .then().statusCode(404).body("error.code", equalTo("room/not_found"));
    }

    @Test
    void over_the_socket_the_reply_names_the_next_room_and_every_page_sees_it_in_its_frame() {
        List<TestPlayer> table = finishedGame();
        TestPlayer ann = table.get(0).connect(RoomFlowTest.ORIGIN);
        TestPlayer bob = table.get(1).connect(RoomFlowTest.ORIGIN);
        bob.awaitFrame(f -> f.at("/room/phase").asText().equals("FINISHED"), WAIT);
        ann.sendFrame("{\"type\":\"rematch\",\"ref\":\"r1\"}");
        JsonNode reply = ann.awaitReceived("reply", r -> r.path("ref").asText().equals("r1"), WAIT);
        assertThat(reply.get("ok").asBoolean()).isTrue();
        assertThat(reply.get("created").asBoolean()).isTrue();
        String next = reply.get("room").asText();
        bob.awaitFrame(f -> f.at("/room/next/room").asText().equals(next), WAIT);

        bob.sendFrame("{\"type\":\"rematch\",\"ref\":\"r2\"}");
        JsonNode second = bob.awaitReceived("reply", r -> r.path("ref").asText().equals("r2"), WAIT);
        assertThat(second.get("room").asText()).isEqualTo(next);
        assertThat(second.get("created").asBoolean()).isFalse();

        JsonNode refused = TestPlayer.expect(400, ann.call("POST", "/commands", "{\"type\":\"rematch\"}"));
        assertThat(refused.at("/error/code").asText()).isEqualTo("request/unknown_command");
        ann.close();
        bob.close();
    }
}
