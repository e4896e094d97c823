package io.roundtable.bench;

import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

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

/** Non-blocking HTTP and WebSocket clients on one Vert.x: one process holds tens of thousands of sockets. */
final class Load implements AutoCloseable {
    final Vertx vertx;
    final HttpClient http;
    final WebSocketClient ws;
    final AtomicLong errors = new AtomicLong();

    Load(int eventLoops) {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(10_000),
                new PoolOptions().setHttp1MaxSize(256).setMaxWaitQueueSize(-1));
        ws = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(1_000_000).setMaxFrameSize(1 << 20)
                .setMaxMessageSize(1 << 22).setConnectTimeout(20_000));
    }

    /** A JSON call; fails on any status other than {@code expect}. */
    Future<JsonNode> call(String base, HttpMethod method, String path, String body, String token, int expect) {
        URI uri = URI.create(base);
        RequestOptions options = new RequestOptions().setMethod(method).setHost(uri.getHost()).setPort(uri.getPort())
                .setURI(path).putHeader("Content-Type", "application/json").setTimeout(30_000);
        if (token != null) {
            options.putHeader("Authorization", "Bearer " + token);
        }
        return http.request(options)
                .compose(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
                .compose(response -> response.body().compose(buffer -> {
                    if (response.statusCode() != expect) {
                        return Future.failedFuture(method + " " + path + " -> " + response.statusCode() + " " + buffer);
                    }
                    return Future.succeededFuture(buffer.length() == 0 ? null
                            : Json.read(buffer.toString(), JsonNode.class));
                }));
    }

    String text(String base, String path) {
        URI uri = URI.create(base);
        return http.request(HttpMethod.GET, uri.getPort(), uri.getHost(), path).compose(r -> r.send())
                .compose(r -> r.body()).map(Buffer::toString).toCompletionStage().toCompletableFuture().join();
    }

    static <T> T await(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }

    @Override
    public void close() {
        await(vertx.close());
    }
}
