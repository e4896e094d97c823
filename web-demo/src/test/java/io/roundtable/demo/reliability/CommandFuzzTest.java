package io.roundtable.demo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.roundtable.core.json.Json;
import io.roundtable.demo.support.TestPlayer;

/**
 * The command decoder of the running server, fuzzed: mutated command records sent to
 * {@code POST /commands} (and mutated actions to {@code POST /actions}), and the same as socket
 * frames, by the members of an Avalon game in play with voice and an evil channel. Every input gets
 * an accepted answer or a typed error; never {@code server/error}, never a hang, and a socket closes
 * only with a documented code (1009 for a frame over 64 KiB).
 * {@code -Dfuzz.seed}, {@code -Dfuzz.rest} and {@code -Dfuzz.socket} (cases, default 1500 each).
 */
@QuarkusTest
class CommandFuzzTest {
    static final long SEED = Long.getLong("fuzz.seed", 20261126L);
    static final int REST_CASES = Integer.getInteger("fuzz.rest", 1_500);
    static final int SOCKET_CASES = Integer.getInteger("fuzz.socket", 1_500);
    static final int SOCKETS = 10;
    static final Duration HANG = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URI uri;

    String base;
    String room;
    final List<TestPlayer> members = new ArrayList<>();

    /** Two players and three bots in play, with voice; spectators so each socket has its own member. */
    void anAvalonGameInPlay() {
        base = Arena.base(uri);
        JsonNode created = TestPlayer.expect(201, TestPlayer.send(base, "POST", "/api/rooms",
                "{\"game\":\"avalon\",\"bots\":3,\"voice\":true,\"options\":{\"players\":5,\"evilChannel\":true,\"lady\":true}}",
                null));
        room = created.get("id").asText();
        for (int i = 0; i < SOCKETS; i++) {
            members.add(TestPlayer.join(base, room, "Fuzz " + i, i >= 2));
        }
        members.get(0).ok("POST", "/ready", "{\"ready\":true}");
        members.get(1).ok("POST", "/ready", "{\"ready\":true}");
        long end = System.currentTimeMillis() + Arena.WAIT.toMillis();
        while (!members.get(0).ok("GET", "/view", null).at("/frame/room/phase").asText().equals("PLAY")) {
            assertThat(System.currentTimeMillis()).isLessThan(end);
            Arena.pause(20);
        }
    }

    @Test
    void every_mutated_command_over_rest_and_the_socket_gets_an_answer_or_a_typed_error() throws Exception {
        anAvalonGameInPlay();
        long started = System.nanoTime();
        Tally rest = fuzzRest(new Mutator(SEED));
        double restSeconds = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        Tally socket = fuzzSockets();
        double socketSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("command-fuzz: seed %d%n REST, %d cases in %.1f s:%s%n socket, %d cases in %.1f s:%s%n", SEED,
                rest.total(), restSeconds, rest, socket.total(), socketSeconds, socket);
        List<String> failures = new ArrayList<>(rest.failures());
        failures.addAll(socket.failures());
        assertThat(failures).as("inputs without a typed answer").isEmpty();
        Arena.assertReady(base);
    }

    Tally fuzzRest(Mutator mutator) {
        Tally tally = new Tally();
        for (int i = 0; i < REST_CASES; i++) {
            TestPlayer member = members.get(i % members.size());
            boolean action = mutator.random().nextInt(3) == 0;
            String text = mutator.mutate(action ? mutator.pick(Mutator.ACTIONS) : mutator.pick(Mutator.COMMANDS));
            byte[] body = action ? ("{\"action\":" + text + "}").getBytes(StandardCharsets.UTF_8)
                    : text.getBytes(StandardCharsets.UTF_8);
            String what = "REST case " + i + " of seed " + SEED + ": " + Barrier.abbreviate(text);
            HttpResponse<String> response;
            try {
                response = Arena.post(member, action ? "/actions" : "/commands", body);
            } catch (IllegalStateException e) {
                tally.fail(what + " got no answer: " + e.getCause());
                continue;
            }
            classify(tally, response, what);
            if (response.body().contains("room/not_member")) {
                members.set(i % members.size(), TestPlayer.join(base, room, "Again " + i, true));
            }
        }
        return tally;
    }

    static void classify(Tally tally, HttpResponse<String> response, String what) {
        int status = response.statusCode();
        JsonNode body;
        try {
            body = response.body().isEmpty() ? null : Json.read(response.body(), JsonNode.class);
        } catch (IllegalArgumentException e) {
            tally.fail(what + " answered " + status + " with a body that is not JSON");
            return;
        }
        if (status == 200 && body != null && body.path("ok").asBoolean()) {
            tally.count("accepted");
            return;
        }
        String code = body == null ? null : body.at("/error/code").asText(null);
        if (!Arena.typed(code) || Arena.status(code) != status) {
            tally.fail(what + " answered " + status + " " + response.body());
            return;
        }
        tally.count(code);
    }

    /** Each member's socket fuzzes its own share, one frame at a time with a barrier ping after it. */
    Tally fuzzSockets() throws Exception {
        Tally tally = new Tally();
        ExecutorService pool = Executors.newFixedThreadPool(SOCKETS);
        List<Future<?>> running = new ArrayList<>();
        for (int s = 0; s < SOCKETS; s++) {
            int shard = s;
            running.add(pool.submit(() -> fuzzSocket(shard, new Mutator(SEED + 1 + shard), tally)));
        }
        for (Future<?> f : running) {
            f.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        return tally;
    }

    void fuzzSocket(int shard, Mutator mutator, Tally tally) {
        TestPlayer member = members.get(shard).connect(Arena.ORIGIN);
        String previous = "";
        for (int i = 0; i < SOCKET_CASES / SOCKETS; i++) {
            String text = mutator.mutate(mutator.pick(Mutator.COMMANDS));
            String what = "socket " + shard + " case " + i + " of seed " + (SEED + 1 + shard) + ": " + Barrier.abbreviate(text);
            long sent = System.nanoTime();
            Barrier.Answer answer;
            try {
                answer = Barrier.send(member, text, HANG);
            } catch (AssertionError hang) {
                tally.fail(what + " hung: " + hang.getMessage());
                member.drop();
                member = reconnect(shard);
                continue;
            }
            boolean oversize = text.getBytes(StandardCharsets.UTF_8).length > 65_536;
            if (oversize && answer.closeCode() == null) {
                // The close for an oversize frame can come after the barrier's pong: wait for it here.
                try {
                    member.awaitClosed(HANG);
                    answer = new Barrier.Answer(answer.frames(), member.closeCode);
                } catch (AssertionError notClosed) {
                    tally.fail(what + " (over 64 KiB) did not close the socket");
                    continue;
                }
            }
            if (answer.closeCode() != null) {
                if (answer.closeCode() == 1009 && oversize) {
                    tally.count("closed 1009 (frame over 64 KiB)");
                } else if (answer.closeCode() == 4401) {
                    tally.count("closed 4401 (the member left)");
                } else {
                    tally.fail(what + " (" + text.getBytes(StandardCharsets.UTF_8).length + " bytes) closed the socket with "
                            + answer.closeCode() + " \"" + member.closeReason + "\" after " + answer.frames()
                            + "; the case before: " + Barrier.abbreviate(previous));
                }
                member = reconnect(shard);
            } else if (answer.codes().isEmpty()) {
                tally.count(answer.frames().isEmpty() ? "accepted (no reply: sync by patches)" : "accepted");
            } else {
                for (String code : answer.codes()) {
                    if (Arena.typed(code)) {
                        tally.count(code);
                    } else {
                        tally.fail(what + " answered " + code);
                    }
                }
            }
            previous = text;
            // Two frames per case; stay under roundtable.ws.frames-per-second and commands-per-second.
            long wait = 110 - (System.nanoTime() - sent) / 1_000_000;
            Arena.pause(Math.max(0, wait));
        }
        member.drop();
    }

    /**
     * The same member on a new client object (so a late close of the old socket cannot be taken for
     * one of the new), or a new spectator when the fuzz made it leave.
     */
    TestPlayer reconnect(int shard) {
        TestPlayer member = members.get(shard).on(base);
        if (member.call("GET", "/view", null).statusCode() != 200) {
            member = TestPlayer.join(base, room, "Again " + shard + "-" + System.nanoTime() % 10_000, true);
        }
        members.set(shard, member);
        return member.connect(Arena.ORIGIN);
    }
}
