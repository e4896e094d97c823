package io.roundtable.runtime.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.roundtable.core.room.Command;
import io.roundtable.core.room.Phase;
import io.roundtable.core.room.Room;
import io.roundtable.runtime.archive.Archiver;
import io.roundtable.runtime.config.RoundtableConfig;
import io.roundtable.runtime.protocol.Problem;
import io.roundtable.runtime.rooms.RoomService;
import io.roundtable.runtime.store.LiveRooms;
import io.roundtable.runtime.store.RoomIndex;
import io.roundtable.runtime.store.RoomStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Runs on every node; each due room is claimed atomically by one node — by a node that follows it
 * while one does, so that it is swept on that node's copy — which applies the core's sweep to it: presence from the latest heartbeats, lost seats, the end of the barrier countdown,
 * expired turn timers, idle rooms.
 */
@ApplicationScoped
public class Sweeper {
    private static final Logger LOG = Logger.getLogger(Sweeper.class);
    /** How long the shutdown waits for the sweep under way (one usually takes milliseconds). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final String JOB = "roundtable-sweep";
    private final RoomService rooms;
    private final RoomStore store;
    private final RoomIndex index;
    private final LiveRooms live;
    private final RoundtableConfig config;
    private final Archiver archiver;
    private final Scheduler scheduler;
    private volatile boolean stopping;
    private volatile CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

    /**
     * A finished room is archived if it is not yet, and removed once it has been kept long enough; until
     * then it is not swept again (nothing of it is due before: its players see the end, and the node that
     * sweeps it need not read it every second).
     */
    Uni<Void> finished(Room room) {
        return archiver.archivedAt(room.id()).chain(at -> {
            if (at == null) {
                return archiver.archive(room).replaceWithVoid();
            }
            Instant removal = at.plus(config.archive().keepFinishedRooms());
            return removal.isBefore(Instant.now()) ? rooms.remove(room) : index.reschedule(room.id(), removal);
        });
    }

    public Sweeper(RoomService rooms, RoomStore store, RoomIndex index, LiveRooms live, RoundtableConfig config,
            Archiver archiver, Scheduler scheduler) {
        this.archiver = archiver;
        this.scheduler = scheduler;
        this.live = live;
        this.rooms = rooms;
        this.store = store;
        this.index = index;
        this.config = config;
    }

    /**
     * Claims the rooms this node follows first, on its copy of them (no read from the store): each is
     * claimed up to a tick before it is due and rescheduled a tick later than the others would, so another
     * node takes it only if this one missed a tick. Then any other due room (nobody follows it, or its
     * follower is gone), read from the store.
     */
    @Scheduled(identity = JOB, every = "${roundtable.rooms.sweep-tick:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return Uni.createFrom().deferred(() -> {
            if (stopping) {
                return Uni.createFrom().voidItem();
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            inFlight = done;
            return sweepDue().onTermination().invoke(() -> done.complete(null));
        });
    }

    /**
     * On shutdown no sweep starts any more (the job is paused: the scheduler itself runs until the very end,
     * after the Redis and PostgreSQL clients have closed), and the one under way (a claim, an archive) may
     * finish before they close; one cut short by them is not a failure worth a warning.
     */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        scheduler.pause(JOB);
        try {
            inFlight.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debugf("The last sweep did not finish before the shutdown: %s", e.getMessage());
        }
    }

    private Uni<Void> sweepDue() {
        Instant now = Instant.now();
        Duration tick = config.rooms().sweepTick();
        Instant next = now.plus(config.rooms().sweepInterval());
        return index.claimDue(List.copyOf(live.followed()), now.plus(tick), next.plus(tick))
                .chain(mine -> index.claimDue(now, next, config.rooms().sweepBatch()).map(others -> {
                    List<String> all = new ArrayList<>(mine);
                    all.addAll(others);
                    return all;
                }))
                .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .onItem().transformToUni(this::sweep).merge(16)
                .collect().last().replaceWithVoid()
                .onFailure().invoke(e -> {
                    if (stopping) {
                        LOG.debugf("Sweep cut short by the shutdown: %s", e.getMessage());
                    } else {
                        LOG.warnf("Sweep failed: %s", e.getMessage());
                    }
                })
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
