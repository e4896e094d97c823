package ${package};

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * One whole game on the real server (a real Redis and PostgreSQL start by themselves in test mode),
 * played over REST the way any client can: create a room, two players join and say they are ready,
 * each picks in secret, the server says who won and archives the match.
 */
@QuarkusTest
class PlayOverRestTest {

    @Test
    void two_players_play_a_whole_game_over_rest_and_the_match_is_archived() {
        String room = given().contentType(ContentType.JSON)
                .body("{\"game\":\"oddeven\",\"bots\":0,\"options\":{}}")
                .when().post("/api/rooms")
                .then().statusCode(201).extract().path("id");
        String ann = join(room, "Ann");
        String bob = join(room, "Bob");
        for (String token : List.of(ann, bob)) {
            member(token).body("{\"ready\":true}").post("/api/rooms/{room}/ready", room).then().statusCode(200);
        }
        awaitPhase(room, ann, "PLAY");

        pick(room, ann, 2);
        JsonPath annWaits = view(room, ann);
        assertThat(annWaits.getInt("frame.game.myPick")).as("Ann sees her own pick").isEqualTo(2);
        assertThat(view(room, bob).getString("frame.game.myPick")).as("Bob does not see Ann's").isNull();
        pick(room, bob, 3);

        JsonPath end = awaitPhase(room, ann, "FINISHED");
        assertThat(end.getInt("frame.game.sum")).isEqualTo(5);
        assertThat(end.getInt("frame.game.winner")).as("an odd sum wins for seat 0").isEqualTo(0);
        awaitArchived(room);
    }

    private static String join(String room, String name) {
        return given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"client\":\"" + name + "\"}")
                .when().post("/api/rooms/{room}/members", room)
                .then().statusCode(201).extract().path("token");
    }

    private static io.restassured.specification.RequestSpecification member(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).when();
    }

    private static JsonPath view(String room, String token) {
        return member(token).get("/api/rooms/{room}/view", room).then().statusCode(200).extract().jsonPath();
    }

    private static void pick(String room, String token, int number) {
        long version = view(room, token).getLong("version");
        member(token).body("{\"action\":{\"type\":\"pick\",\"number\":" + number + "},\"expectedVersion\":" + version + "}")
                .post("/api/rooms/{room}/actions", room).then().statusCode(200);
    }

    private static JsonPath awaitPhase(String room, String token, String phase) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            JsonPath view = view(room, token);
            if (phase.equals(view.getString("frame.room.phase"))) {
                return view;
            }
            assertThat(Instant.now()).as("the room reaches " + phase).isBefore(deadline);
            pause();
        }
    }

    private static void awaitArchived(String room) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (given().when().get("/api/matches/{room}", room).statusCode() != 200) {
            assertThat(Instant.now()).as("the match is archived").isBefore(deadline);
            pause();
        }
        JsonPath match = given().when().get("/api/matches/{room}", room).then().extract().jsonPath();
        assertThat(match.getString("match.summary")).isEqualTo("Odd wins: the picks add up to 5.");
        assertThat(match.getList("moves")).hasSize(2);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
