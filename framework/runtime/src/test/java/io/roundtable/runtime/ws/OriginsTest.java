package io.roundtable.runtime.ws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.roundtable.runtime.fixture.Configs;

/** Which pages may open a room socket, by their Origin and the Host they asked. */
class OriginsTest {
    private final Origins production = new Origins(Configs.of());
    private final Origins dev = new Origins(Configs.of("roundtable.ws.allow-same-origin", "true"));

    @Test
    void a_listed_origin_is_allowed_and_another_is_not() {
        assertThat(production.allowed("http://localhost:8080", "localhost:8080")).isTrue();
        assertThat(production.allowed("http://evil.example", "localhost:8080")).isFalse();
    }

    @Test
    void a_port_wildcard_allows_any_port_of_that_host_only() {
        Origins anyPort = new Origins(Configs.of("roundtable.ws.allowed-origins", "http://127.0.0.1:*"));
        assertThat(anyPort.allowed("http://127.0.0.1:9123", "127.0.0.1:9123")).isTrue();
        assertThat(anyPort.allowed("http://localhost:9123", "localhost:9123")).isFalse();
    }

    @Test
    void by_default_a_page_served_by_this_server_on_another_port_is_refused() {
        assertThat(production.allowed("http://localhost:8181", "localhost:8181")).isFalse();
    }

    @Test
    void with_same_origin_allowed_as_in_dev_mode_the_servers_own_page_connects_on_any_port() {
        assertThat(dev.allowed("http://localhost:8181", "localhost:8181")).isTrue();
        assertThat(dev.allowed("https://Game.Example:8443", "game.example:8443")).isTrue();
    }

    @Test
    void same_origin_means_the_origin_names_the_host_asked_and_nothing_else() {
        assertThat(dev.allowed("http://evil.example", "localhost:8181")).isFalse();
        assertThat(dev.allowed("http://localhost:8181", "localhost:8182")).isFalse();
        assertThat(dev.allowed("http://localhost:8181", null)).isFalse();
        assertThat(dev.allowed("null", "localhost:8181")).isFalse();
        assertThat(dev.allowed("ftp://localhost:8181", "localhost:8181")).isFalse();
    }

    @Test
    void a_client_without_origin_is_allowed_unless_configured_otherwise() {
        assertThat(production.allowed(null, "localhost:8080")).isTrue();
        assertThat(new Origins(Configs.of("roundtable.ws.allow-missing-origin", "false")).allowed(null, "x")).isFalse();
    }
}
