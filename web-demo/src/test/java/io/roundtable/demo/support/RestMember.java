package io.roundtable.demo.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.roundtable.core.json.Json;

/**
 * A member that talks to its room over REST only, with REST Assured (a {@code @QuarkusTest} points it at
 * the test server). Every call expects its documented success status.
 */
public final class RestMember {
    public final String room;
    public final String member;
    public final String token;

    private RestMember(String room, String member, String token) {
        this.room = room;
        this.member = member;
        this.token = token;
    }

    /** Creates a room without bots and returns its id. */
    public static String createRoom(String game, String optionsJson) {
        return given().contentType(ContentType.JSON)
                .body("{\"game\":\"" + game + "\",\"bots\":0,\"options\":" + optionsJson + "}")
                .when().post("/api/rooms")
                .then().statusCode(201).extract().path("id");
    }

    /** Joins a room as a player. */
    public static RestMember join(String room, String name) {
        JsonNode joined = json(given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"client\":\"" + name + "\"}")
                .when().post("/api/rooms/{room}/members", room)
                .then().statusCode(201).extract().asString());
        return new RestMember(room, joined.get("member").asText(), joined.get("token").asText());
    }

    /** A request carrying this member's seat token. */
    public RequestSpecification request() {
        return given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON);
    }

    /** {@code GET /view}: {@code {"version","frame"}}. */
    public JsonNode view() {
        return json(request().when().get("/api/rooms/{room}/view", room).then().statusCode(200).extract().asString());
    }

    /** A member command by its REST path ({@code /ready}, {@code /actions}, …); answers {@code {"ok","version","replayed"}}. */
    public JsonNode post(String path, String body) {
        return json(request().body(body).when().post("/api/rooms/{room}" + path, room)
                .then().statusCode(200).extract().asString());
    }

    /** Waits (up to ten seconds) until this member's view shows the room in {@code phase}. */
    public RestMember awaitPhase(String phase) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!view().at("/frame/room/phase").asText().equals(phase)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the room never reached " + phase);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return this;
    }

    /** How {@code member} appears in a frame's member list. */
    public static JsonNode memberIn(JsonNode view, String member) {
        for (JsonNode m : view.at("/frame/room/members")) {
            if (m.get("id").asText().equals(member)) {
                return m;
            }
        }
        throw new AssertionError(member + " is not in " + view);
    }

    private static JsonNode json(String body) {
        return Json.read(body, JsonNode.class);
    }
}
