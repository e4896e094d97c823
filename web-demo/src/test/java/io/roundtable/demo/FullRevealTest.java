package io.roundtable.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.roundtable.core.json.Json;

/**
 * The operator's opt-in, {@code roundtable.archive.full-reveal=true}: every seat's eyes for anyone, and
 * the raw log and whole state as {@code revealed}. Its own profile restarts Quarkus, so it stays one test.
 */
@QuarkusTest
@TestProfile(FullRevealTest.FullReveal.class)
class FullRevealTest {

    public static class FullReveal implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("roundtable.archive.full-reveal", "true");
        }
    }

    @Test
    void with_full_reveal_on_anyone_sees_every_seat_and_the_raw_log_and_state() {
        String room = given().contentType(ContentType.JSON).body("{\"game\":\"avalon\",\"bots\":5}")
                .post("/api/rooms").then().statusCode(201).extract().path("id");
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (given().get("/api/matches/" + room).statusCode() != 200) {
            assertThat(System.nanoTime()).as("the bots' match is archived in time").isLessThan(end);
            ArchiveTest.sleep(100);
        }
        given().get("/api/matches/" + room).then().body("fullReveal", equalTo(true)).body("viewer", equalTo("spectator"));
        JsonNode revealed = Json.read(given().queryParam("viewer", "revealed").get("/api/matches/" + room)
                .then().statusCode(200).body("viewer", equalTo("revealed")).extract().asString(), JsonNode.class);
        assertThat(revealed.get("moves").toString()).as("the raw log names every quest card").contains("\"card\":");

        given().queryParam("viewer", "seat:1").queryParam("step", 0).get("/api/matches/" + room + "/replay")
                .then().statusCode(200).body("view.you", equalTo(1));
        given().queryParam("viewer", "revealed").get("/api/matches/" + room + "/replay")
                .then().statusCode(200).body("view.roles.size()", equalTo(5));
    }
}
