package io.roundtable.demo.faults;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;

/**
 * Non-blocking HTTP and WebSocket clients on one small Vert.x (as in the benchmark harness), so that
 * one test JVM drives hundreds of sockets and thousands of requests on two cores.
 */
public final class Traffic implements AutoCloseable {
    /** A response: its status and its JSON body (null when empty). */
    public record Response(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        public String code() {
            return body == null ? "" : body.at("/error/code").asText();
        }
    }

    final Vertx vertx;
    final HttpClient http;
    final WebSocketClient ws;

    public Traffic() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(2));
        http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000),
                new PoolOptions().setHttp1MaxSize(64).setMaxWaitQueueSize(-1));
        ws = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000).setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 22)
                .setConnectTimeout(2_000).setClosingTimeout(1));
    }

    public Vertx vertx() {
        return vertx;
    }

    /** A JSON call to {@code base + path}; never fails for an HTTP status (look at {@link Response#status()}). */
    public Future<Response> call(String base, HttpMethod method, String path, String body, String token) {
        URI uri = URI.create(base);
        RequestOptions options = new RequestOptions().setMethod(method).setHost(uri.getHost()).setPort(uri.getPort())
                .setURI(path).putHeader("Content-Type", "application/json").setTimeout(30_000);
        if (token != null) {
            options.putHeader("Authorization", "Bearer " + token);
        }
        io.vertx.core.Promise<Response> answer = io.vertx.core.Promise.promise();
        // A request the server never answers must not hang a test: it fails after 30 s.
        long timer = vertx.setTimer(30_000, t -> answer.tryFail(method + " " + path + ": no answer in 30 s"));
        http.request(options)
                .compose(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(buffer -> new Response(response.statusCode(),
                        buffer.length() == 0 ? null : Json.read(buffer.toString(), JsonNode.class))))
                .onComplete(result -> {
                    vertx.cancelTimer(timer);
                    if (result.succeeded()) {
                        answer.tryComplete(result.result());
                    } else {
                        answer.tryFail(result.cause());
                    }
                });
        return answer.future();
    }

    /** Waits for a future from a test thread. */
    public static <T> T await(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }

    @Override
    public void close() {
        await(vertx.close());
    }
}
