package io.roundtable.demo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.roundtable.demo.support.TestPlayer;

/**
 * One client address may hold {@code roundtable.limits.sockets-per-client} room sockets; the next
 * upgrade is refused with 429 ({@code rate/limited}), and a closed socket frees its place.
 */
@QuarkusTest
class SocketsPerAddressTest {
    @TestHTTPResource("/")
    URI uri;

    @ConfigProperty(name = "roundtable.limits.sockets-per-client")
    int limit;

    @Test
    void sockets_over_the_per_address_limit_are_refused_with_429_and_a_closed_one_frees_its_place() throws Exception {
        String base = Arena.base(uri);
        TestPlayer ann = Arena.guessInPlay(base)[0];
        String ws = base.replaceFirst("^http", "ws") + "/ws/rooms/" + ann.room + "?token=" + ann.token;
        List<RawSocket> open = new ArrayList<>();
        RawSocket refused = null;
        long started = System.nanoTime();
        try {
            // Sockets other tests left open count too, so the first refusal comes at or before the limit.
            for (int i = 0; i <= limit && refused == null; i++) {
                RawSocket socket = RawSocket.open(ws, Arena.ORIGIN);
                if (socket.status == 101) {
                    open.add(socket);
                } else {
                    refused = socket;
                }
            }
            assertThat(refused).as("refused within %d upgrades", limit + 1).isNotNull();
            assertThat(refused.status).isEqualTo(429);
            assertThat(refused.header("X-Roundtable-Error")).isEqualTo("rate/limited");
            refused.close();
            System.out.printf("sockets-per-address: limit %d, opened %d before the 429, in %d ms%n", limit, open.size(),
                    (System.nanoTime() - started) / 1_000_000);

            open.remove(open.size() - 1).close();
            assertThat(reopens(ws)).as("a closed socket frees its place").isTrue();
        } finally {
            open.forEach(RawSocket::close);
        }
        Arena.assertReady(base);
    }

    /** Whether a socket opens again within a few seconds (the server notices the close asynchronously). */
    static boolean reopens(String ws) throws Exception {
        long end = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < end) {
            try (RawSocket again = RawSocket.open(ws, Arena.ORIGIN)) {
                if (again.status == 101) {
                    return true;
                }
            }
            Arena.pause(50);
        }
        return false;
    }
}
