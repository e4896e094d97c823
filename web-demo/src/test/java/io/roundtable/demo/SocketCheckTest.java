package io.roundtable.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A page asks whether its sockets would be accepted, since a browser cannot read why an upgrade failed. */
@QuarkusTest
class SocketCheckTest {

    @Test
    void an_allowed_origin_is_told_so() {
        given().header("Origin", "http://localhost:41234").when().post("/api/sockets/check")
                .then().statusCode(200).body("origin", equalTo("http://localhost:41234")).body("allowed", equalTo(true));
    }

    @Test
    void an_origin_the_server_refuses_is_told_so_with_its_own_address() {
        given().header("Origin", "http://refused.test:41234").when().post("/api/sockets/check")
                .then().statusCode(200).body("origin", equalTo("http://refused.test:41234"))
                .body("allowed", equalTo(false));
    }

    @Test
    void a_client_without_origin_is_allowed_as_on_the_socket() {
        given().when().post("/api/sockets/check")
                .then().statusCode(200).body("origin", nullValue()).body("allowed", equalTo(true));
    }
}
