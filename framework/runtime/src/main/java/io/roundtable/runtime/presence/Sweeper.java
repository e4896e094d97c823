package io.roundtable.runtime.presence;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.roundtable.core.room.Command;
import io.roundtable.core.room.Phase;
import io.roundtable.core.room.Room;
import io.roundtable.runtime.archive.Archiver;
import io.roundtable.runtime.config.RoundtableConfig;
import io.roundtable.runtime.protocol.Problem;
import io.roundtable.runtime.rooms.RoomService;
import io.roundtable.runtime.store.RoomIndex;
import io.roundtable.runtime.store.RoomStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Runs on every node; each due room is claimed atomically by one node, which applies the core's
 * sweep to it: presence from the latest heartbeats, lost seats, the end of the barrier countdown,
 * expired turn timers, idle rooms.
 */
@ApplicationScoped
public class Sweeper {
    private static final Logger LOG = Logger.getLogger(Sweeper.class);
    private final RoomService rooms;
    private final RoomStore store;
    private final RoomIndex index;
    private final RoundtableConfig config;
    private final Archiver archiver;

    /** A finished room is archived if it is not yet, and removed once it has been kept long enough. */
    Uni<Void> finished(Room room) {
        return archiver.archivedAt(room.id()).chain(at -> {
            if (at == null) {
                return archiver.archive(room).replaceWithVoid();
            }
            if (at.plus(config.archive().keepFinishedRooms()).isBefore(Instant.now())) {
                return rooms.remove(room);
            }
            return Uni.createFrom().voidItem();
        });
    }

    public Sweeper(RoomService rooms, RoomStore store, RoomIndex index, RoundtableConfig config, Archiver archiver) {
        this.archiver = archiver;
        this.rooms = rooms;
        this.store = store;
        this.index = index;
        this.config = config;
    }

    @Scheduled(every = "${roundtable.rooms.sweep-tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        Instant now = Instant.now();
        return index.claimDue(now, now.plus(config.rooms().sweepInterval()), config.rooms().sweepBatch())
                .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .onItem().transformToUni(this::sweep).merge(16)
                .collect().last().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("Sweep failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    Uni<Void> sweep(String room) {
        return store.seen(room)
                .chain(seen -> rooms.apply(room, new Command.Tick(seen)))
                .chain(step -> step.room().phase() == Phase.FINISHED && !step.expired() ? finished(step.room())
                        : Uni.createFrom().voidItem())
                .onFailure(Problem.class).recoverWithUni(e -> index.remove(room))
                .onFailure().invoke(e -> LOG.debugf("Sweeping %s failed: %s", room, e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
