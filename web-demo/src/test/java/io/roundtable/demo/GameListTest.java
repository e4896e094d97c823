package io.roundtable.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
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
                .body("find { it.id == 'loveletter' }.ui", equalTo("/games/loveletter/ui.js"))
                .body("find { it.id == 'voice' }.ui", equalTo("/games/voice/ui.js"));
        given().when().get("/games/avalon/ui.js")
                .then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("export default"));
    }

    @Test
    void each_game_comes_with_the_json_schema_of_its_options_for_a_generic_options_form() {
        given().when().get("/api/games")
                .then().statusCode(200)
                .body("find { it.id == 'guess' }.optionsSchema.type", equalTo("object"))
                .body("find { it.id == 'guess' }.optionsSchema.properties.players.type", equalTo("integer"))
                .body("find { it.id == 'avalon' }.optionsSchema.properties.botStrategy.type", equalTo("string"))
                .body("find { it.id == 'avalon' }.optionsSchema.properties.lady.type", equalTo("boolean"));
    }

    @Test
    void a_voice_room_game_says_every_room_of_it_has_voice_and_the_others_leave_it_to_the_creator() {
        given().when().get("/api/games")
                .then().statusCode(200)
                .body("find { it.id == 'voice' }.voice", equalTo(true))
                .body("find { it.id == 'avalon' }.voice", equalTo(false));
    }

    @Test
    void a_game_says_where_its_view_holds_seats_and_a_game_that_declares_none_lists_none() {
        given().when().get("/api/games")
                .then().statusCode(200)
                .body("find { it.id == 'liarsdice' }.seatFields", contains("/turn", "/winner", "/bid/seat"))
                .body("find { it.id == 'avalon' }.seatFields", empty());
    }

    @Test
    void a_game_without_a_component_of_its_own_has_no_ui_and_gets_the_generic_table() {
        given().when().get("/api/games")
                .then().statusCode(200)
                .body("find { it.id == 'liarsdice' }.ui", nullValue());
        given().when().get("/js/games/generic.js").then().statusCode(200);
    }
}
