package io.roundtable.runtime.archive;

import java.util.function.Supplier;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Hibernate Reactive needs a safe, duplicated Vert.x context, and keeps one session per context.
 * Archiving starts from places that have none (a pub/sub callback, the sweeper, a test thread) or
 * whose session is busy with something else (a request that finished several rooms), so every
 * archive runs its database work on a fresh context of its own.
 */
final class DatabaseContext {
    private DatabaseContext() {
    }

    /** Runs {@code work} on its own new duplicated context: its own Hibernate Reactive session, never shared. */
    static <T> Uni<T> run(Vertx vertx, Supplier<Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(
                ignored -> work.get().subscribe().with(emitter::complete, emitter::fail)));
    }
}
