package io.roundtable.runtime.push;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.CloseReason;
import io.roundtable.runtime.config.RoundtableConfig;

/** The periodic care of this node's room sockets; the socket endpoint itself only adapts. */
@ApplicationScoped
public class SocketChores {
    private final Fanout fanout;
    private final RoundtableConfig config;

    public SocketChores(Fanout fanout, RoundtableConfig config) {
        this.fanout = fanout;
        this.config = config;
    }

    /** Keeps the last frame of sockets whose room has gone quiet as bytes rather than a tree. */
    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void compactQuietFrames() {
        fanout.all().forEach(s -> s.compact(config.ws().keepParsedFrame()));
    }

    /** Closes sockets whose client has been silent for longer than the idle timeout. */
    @Scheduled(every = "5s")
    void closeIdle() {
        Instant cutoff = Instant.now().minus(config.ws().idleTimeout());
        fanout.all().stream().filter(s -> s.lastHeard().isBefore(cutoff)).forEach(s -> s.connection()
                .close(new CloseReason(CloseCodes.IDLE, "No frame within " + config.ws().idleTimeout().toSeconds() + " s."))
                .subscribe().with(x -> { }, e -> { }));
    }
}
