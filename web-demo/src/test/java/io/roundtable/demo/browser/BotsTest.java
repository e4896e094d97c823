package io.roundtable.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.roundtable.core.json.Json;

/** One person and four bots: the whole game in one browser, and the client's frame checked against the server's. */
@QuarkusTest
class BotsTest {
    @TestHTTPResource("/")
    URI uri;

    Page page;

    @AfterEach
    void closeBrowser() {
        if (page != null) {
            page.close();
        }
    }

    String startWithFourBots(String name) {
        page = Chromium.open(uri.toString());
        String room = Demo.createRoom(page, name, 4, p -> p.click("#avalon-lady"));
        page.await("four bots sit at the table, ready", () -> page.texts(".lobby-seat .is-ready").size() == 4);
        Demo.ready(page);
        page.await("the game starts", () -> page.exists("[data-my-role]"));
        return room;
    }

    @Test
    void one_person_plays_a_whole_game_of_avalon_against_four_bots() {
        startWithFourBots("Ann");
        assertThat(page.texts(".seats .tag-bot")).hasSize(4);
        assertThat(page.texts(".seats .dot-online")).hasSize(1);

        int moves = AvalonTable.playToTheEnd(java.util.List.of(page), AvalonTable.Tactic.LOYAL, done -> {
        });

        assertThat(moves).isGreaterThanOrEqualTo(3);
        assertThat(page.text("#end-title")).matches("(Good|Evil) wins");
        assertThat(page.text("#avalon-end")).containsAnyOf("Your side won.", "Your side lost.");
        assertThat(page.texts(".roles-table tbody tr")).hasSize(5);
        assertThat(page.texts(".seats .seat-role")).hasSize(5);
        assertThat(page.text("#room-phase")).isEqualTo("Finished");
    }

    @Test
    void the_frame_patched_in_the_page_equals_the_servers_snapshot_after_some_moves() {
        String room = startWithFourBots("Bea");
        int[] mine = {0};
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (mine[0] < 3 && !page.exists("#avalon-end") && System.nanoTime() < end) {
            if (AvalonTable.move(page, AvalonTable.Tactic.LOYAL) != null) {
                mine[0]++;
            }
            Page.pause(50);
        }
        String token = page.seat(room).get("token").asText();
        assertThat(page.frames().size()).as("the page applied a snapshot and patches").isGreaterThan(3);

        for (int attempt = 0; ; attempt++) {
            JsonNode server = view(room, token);
            JsonNode client = page.clientFrame();
            if (client.at("/room/version").asLong() == server.get("version").asLong()) {
                assertThat(client).isEqualTo(server.get("frame"));
                assertThat(client.at("/game/role").asText()).isNotEmpty();
                return;
            }
            assertThat(attempt).as("the page caught up with the server").isLessThan(100);
            Page.pause(100);
        }
    }

    JsonNode view(String room, String token) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(uri.resolve("/api/rooms/" + room + "/view"))
                            .header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return Json.read(response.body(), JsonNode.class);
        } catch (Exception e) {
            throw new AssertionError("GET /view failed", e);
        }
    }
}
