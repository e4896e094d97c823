package io.roundtable.runtime.archive;

import java.util.function.Supplier;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Hibernate Reactive needs a safe, duplicated Vert.x context. Archiving starts from places that have
 * none (a pub/sub callback, the sweeper, a test thread), so it runs its database work on a fresh one.
 */
final class DatabaseContext {
    private DatabaseContext() {
    }

    static <T> Uni<T> run(Vertx vertx, Supplier<Uni<T>> work) {
        Context current = Vertx.currentContext();
        if (current != null && VertxContext.isDuplicatedContext(current)) {
            return work.get();
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(
                ignored -> work.get().subscribe().with(emitter::complete, emitter::fail)));
    }
}
