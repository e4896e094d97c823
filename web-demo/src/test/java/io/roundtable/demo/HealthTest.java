package io.roundtable.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest {

    @Test
    void readiness_is_up_and_lists_redis_and_postgresql() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(
                        org.hamcrest.Matchers.containsString("Redis"),
                        org.hamcrest.Matchers.containsString("PostgreSQL")));
    }

    @Test
    void the_landing_page_says_what_roundtable_is() {
        given().when().get("/")
                .then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("hidden information"));
    }

    @Test
    void the_openapi_document_is_served() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("info.title", equalTo("Roundtable API"));
    }
}
