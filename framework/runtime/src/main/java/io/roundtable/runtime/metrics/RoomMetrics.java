package io.roundtable.runtime.metrics;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.roundtable.runtime.store.RoomIndex;
import io.smallrye.mutiny.Uni;

/** Gauges read from the room index: live rooms across all nodes (refreshed every few seconds). */
@ApplicationScoped
public class RoomMetrics {
    private final RoomIndex index;
    private final AtomicLong liveRooms = new AtomicLong();

    public RoomMetrics(RoomIndex index, MeterRegistry metrics) {
        this.index = index;
        metrics.gauge("roundtable.rooms.live", liveRooms);
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return index.liveRooms().invoke(liveRooms::set).replaceWithVoid().onFailure().recoverWithNull();
    }
}
