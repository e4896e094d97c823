package io.roundtable.runtime.order;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Runs the work for one room one piece at a time on this node, in arrival order. Commands to one
 * room then rarely collide in Redis (the compare-and-set still guards against other nodes), and
 * pushes to one socket keep version order.
 */
@ApplicationScoped
public class RoomQueue {
    private final ConcurrentHashMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    /**
     * The work, to run after everything queued for the room before it. It takes its place in the queue
     * when the returned Uni is subscribed to (not when it is created: a Uni nobody subscribes to must not
     * hold up the room for ever), and gives it up when it ends, fails or is cancelled.
     */
    public <T> Uni<T> run(String room, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            CompletableFuture<Void> previous = tails.put(room, done);
            Uni<Void> turn = previous == null ? Uni.createFrom().voidItem()
                    : Uni.createFrom().completionStage(previous).onFailure().recoverWithNull();
            return turn.chain(ignored -> work.get())
                    .onTermination().invoke(() -> {
                        done.complete(null);
                        tails.remove(room, done);
                    });
        });
    }
}
