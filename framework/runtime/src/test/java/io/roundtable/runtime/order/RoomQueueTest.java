package io.roundtable.runtime.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/** Work for one room runs one piece at a time, in order; rooms do not wait for each other. */
class RoomQueueTest {
    private final RoomQueue queue = new RoomQueue();
    private final List<String> started = Collections.synchronizedList(new ArrayList<>());

    /** Work that records its start and ends when {@code end} completes. */
    private Uni<String> work(String room, String name, CompletableFuture<String> end) {
        return queue.run(room, () -> {
            started.add(name);
            return Uni.createFrom().completionStage(end);
        });
    }

    private Uni<String> instant(String room, String name) {
        return work(room, name, CompletableFuture.completedFuture(name));
    }

    private static <T> CompletableFuture<T> subscribe(Uni<T> uni) {
        return uni.subscribe().asCompletionStage();
    }

    private static String result(CompletableFuture<String> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    @Test
    void work_for_a_room_waits_until_the_work_before_it_is_done() throws Exception {
        CompletableFuture<String> firstEnds = new CompletableFuture<>();
        CompletableFuture<String> first = subscribe(work("r1", "first", firstEnds));
        CompletableFuture<String> second = subscribe(instant("r1", "second"));

        assertThat(started).containsExactly("first");
        assertThat(second).isNotDone();

        firstEnds.complete("first");
        assertThat(result(first)).isEqualTo("first");
        assertThat(result(second)).isEqualTo("second");
        assertThat(started).containsExactly("first", "second");
    }

    @Test
    void work_for_a_room_runs_in_the_order_it_was_subscribed() throws Exception {
        CompletableFuture<String> firstEnds = new CompletableFuture<>();
        subscribe(work("r1", "first", firstEnds));
        List<CompletableFuture<String>> rest = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            rest.add(subscribe(instant("r1", "work " + i)));
        }

        firstEnds.complete("first");

        for (CompletableFuture<String> each : rest) {
            result(each);
        }
        List<String> expected = new ArrayList<>(List.of("first"));
        for (int i = 1; i <= 20; i++) {
            expected.add("work " + i);
        }
        assertThat(started).containsExactlyElementsOf(expected);
    }

    @Test
    void rooms_do_not_wait_for_each_other() throws Exception {
        CompletableFuture<String> stuck = new CompletableFuture<>();
        subscribe(work("r1", "stuck", stuck));

        assertThat(result(subscribe(instant("r2", "other room")))).isEqualTo("other room");
        assertThat(started).containsExactly("stuck", "other room");
    }

    @Test
    void work_that_fails_lets_the_next_one_run() throws Exception {
        CompletableFuture<String> failing = new CompletableFuture<>();
        CompletableFuture<String> first = subscribe(work("r1", "failing", failing));
        CompletableFuture<String> next = subscribe(instant("r1", "next"));

        failing.completeExceptionally(new IllegalStateException("the store did not answer"));

        assertThat(first).isCompletedExceptionally();
        assertThat(result(next)).isEqualTo("next");
    }

    @Test
    void work_whose_caller_gave_up_lets_the_next_one_run() throws Exception {
        Cancellable abandoned = work("r1", "abandoned", new CompletableFuture<>()).subscribe().with(x -> { });
        CompletableFuture<String> next = subscribe(instant("r1", "next"));
        assertThat(next).isNotDone();

        abandoned.cancel();

        assertThat(result(next)).isEqualTo("next");
    }

    @Test
    void work_nobody_subscribes_to_holds_up_nothing() throws Exception {
        work("r1", "never subscribed", new CompletableFuture<>());

        assertThat(result(subscribe(instant("r1", "next")))).isEqualTo("next");
        assertThat(started).containsExactly("next");
    }
}
