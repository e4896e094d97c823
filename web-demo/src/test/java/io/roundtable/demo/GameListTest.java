package io.roundtable.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The lobby's list of games names each game's own browser component, and the server serves it from the game's jar. */
@QuarkusTest
class GameListTest {

    @Test
    void a_game_with_its_own_table_names_its_component_and_the_server_serves_it_from_the_games_jar() {
        given().when().get("/api/games")
                .then().statusCode(200)
                .body("find { it.id == 'avalon' }.ui", equalTo("/games/avalon/ui.js"))
                .body("find { it.id == 'loveletter' }.ui", equalTo("/games/loveletter/ui.js"));
        given().when().get("/games/avalon/ui.js")
                .then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("export default"));
    }

    @Test
    void a_game_without_a_component_of_its_own_has_no_ui_and_gets_the_generic_table() {
        given().when().get("/api/games")
                .then().statusCode(200)
                .body("find { it.id == 'voice' }.ui", nullValue());
        given().when().get("/js/games/generic.js").then().statusCode(200);
    }
}
