package io.roundtable.demo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.demo.support.TestPlayer;

/**
 * Sends one frame and then a ping, and collects what the server answered in between. A socket's
 * frames are handled one at a time, in order, so the pong closes the answer to the frame before it.
 */
final class Barrier {
    private static final AtomicLong REFS = new AtomicLong();

    private Barrier() {
    }

    /** What one frame got: answers ({@code error} / {@code reply} / {@code pong} / {@code synced} / {@code snapshot}), or a close. */
    record Answer(List<JsonNode> frames, Integer closeCode) {
        /** The error codes among the answers (of {@code error} frames and refused {@code reply} frames). */
        List<String> codes() {
            List<String> codes = new ArrayList<>();
            for (JsonNode f : frames) {
                if (f.path("type").asText().equals("error") || f.path("type").asText().equals("reply")
                        && !f.path("ok").asBoolean()) {
                    codes.add(f.at("/error/code").asText());
                }
            }
            return codes;
        }

        String onlyCode() {
            assertThat(codes()).as("one error among %s", frames).hasSize(1);
            assertThat(Arena.typed(codes().get(0))).as("a typed error: %s", frames).isTrue();
            return codes().get(0);
        }
    }

    static Answer send(TestPlayer player, String frame, Duration timeout) {
        int before = player.received.size();
        String ref = "barrier-" + REFS.incrementAndGet();
        try {
            java.util.concurrent.CompletableFuture.runAsync(() -> {
                player.sendFrame(frame);
                player.sendFrame("{\"type\":\"ping\",\"ref\":\"" + ref + "\"}");
            }).get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException closed) {
            player.awaitClosed(timeout);
            return new Answer(answers(player, before, null), player.closeCode);
        } catch (java.util.concurrent.TimeoutException | InterruptedException stuck) {
            throw new AssertionError("the frame could not even be sent within " + timeout + ": " + abbreviate(frame));
        }
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (player.closeCode != null) {
                return new Answer(answers(player, before, null), player.closeCode);
            }
            for (int i = before; i < player.received.size(); i++) {
                JsonNode r = player.received.get(i);
                if (r.path("type").asText().equals("pong") && r.path("ref").asText().equals(ref)) {
                    return new Answer(answers(player, before, ref), null);
                }
            }
            Arena.pause(2);
        }
        throw new AssertionError("no answer within " + timeout + " to " + abbreviate(frame));
    }

    private static List<JsonNode> answers(TestPlayer player, int from, String barrier) {
        List<JsonNode> answers = new ArrayList<>();
        for (int i = from; i < player.received.size(); i++) {
            JsonNode r = player.received.get(i);
            String type = r.path("type").asText();
            boolean isBarrier = type.equals("pong") && barrier != null && r.path("ref").asText().equals(barrier);
            if (!isBarrier && List.of("error", "reply", "pong", "synced", "snapshot").contains(type)) {
                answers.add(r);
            }
            if (isBarrier) {
                break;
            }
        }
        return answers;
    }

    /** At most 100 characters of {@code text}, everything but printable ASCII written as escapes, for failure messages. */
    static String abbreviate(String text) {
        String shown = text.length() > 100 ? text.substring(0, 100) + "…(" + text.length() + " chars)" : text;
        StringBuilder clean = new StringBuilder();
        shown.chars().forEach(c -> clean.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return clean.toString();
    }
}
