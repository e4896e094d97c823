package io.roundtable.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/** The embedded servers that dev and test mode start are real Redis 7 and PostgreSQL servers. */
@QuarkusTest
class EmbeddedServersTest {

    @Inject
    RedisDataSource redis;

    @Inject
    Pool postgres;

    @TestHTTPResource("/")
    URI baseUri;

    @Test
    void redis_reports_version_7_and_stores_values() {
        String info = redis.execute("INFO", "server").toString();
        assertThat(info).contains("redis_version:7.");

        redis.value(String.class).set("foundation:probe", "round");
        assertThat(redis.value(String.class).get("foundation:probe")).isEqualTo("round");
    }

    @Test
    void postgres_reports_itself_as_postgresql() {
        Row row = postgres.query("select version()").execute().await().atMost(Duration.ofSeconds(10))
                .iterator().next();
        assertThat(row.getString(0)).startsWith("PostgreSQL ");
    }

    @Test
    @RunOnVertxContext
    void a_panache_entity_is_written_and_read_back(UniAsserter asserter) {
        ProbeNote note = new ProbeNote();
        note.text = "dinner is served when everyone is here";
        asserter.execute(() -> Panache.withTransaction(note::persist));
        asserter.assertThat(() -> Panache.withSession(() -> ProbeNote.<ProbeNote> findById(note.id)),
                found -> assertThat(found.text).isEqualTo("dinner is served when everyone is here"));
    }

    @Test
    void a_websocket_round_trip_reaches_the_app() throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();
        var connection = BasicWebSocketConnector.create()
                .baseUri(baseUri)
                .path("/ws/clock")
                .onTextMessage((c, message) -> reply.complete(message))
                .connectAndAwait();
        try {
            connection.sendTextAndAwait("{\"clientTime\":42}");
            String message = reply.get(10, TimeUnit.SECONDS);
            assertThat(message).contains("\"clientTime\":42").contains("\"serverTime\":");
        } finally {
            connection.closeAndAwait();
        }
    }
}
