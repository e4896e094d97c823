package io.roundtable.runtime.archive;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.roundtable.core.json.Json;
import io.roundtable.core.room.Member;
import io.roundtable.core.room.Move;
import io.roundtable.core.room.Phase;
import io.roundtable.core.room.Room;
import io.roundtable.core.spi.Outcome;
import io.roundtable.runtime.config.RoundtableConfig;
import io.roundtable.runtime.store.RoomStore;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Writes a finished room to PostgreSQL exactly once. The match id is the room id and the primary
 * key: a second attempt (the sweeper beside the final move, another node, a retry after a crash) finds
 * the row and writes nothing. Attempts at the same match take turns on a transaction lock, so that the
 * second finds the first's row once it is committed rather than colliding with it on the primary key.
 * The live store keeps the room until the commit succeeded, then records that it did.
 */
@ApplicationScoped
public class Archiver {
    private static final Logger LOG = Logger.getLogger(Archiver.class);
    private final RoomStore store;
    private final RoundtableConfig config;
    private final Vertx vertx;

    public Archiver(RoomStore store, RoundtableConfig config, Vertx vertx) {
        this.vertx = vertx;
        this.store = store;
        this.config = config;
    }

    /** When the room's archive was committed, if it was. */
    public Uni<Instant> archivedAt(String room) {
        return store.archivedAt(room);
    }

    /** Archives a finished room unless that already happened; true when this call wrote the row. */
    public Uni<Boolean> archive(Room room) {
        if (room.phase() != Phase.FINISHED || room.slot().outcome() == null) {
            return Uni.createFrom().item(false);
        }
        Duration delay = config.archive().delay();
        Uni<Void> wait = delay.isZero() ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(delay);
        return wait.chain(() -> store.moves(room.id()))
                .chain(moves -> DatabaseContext.run(vertx, () -> Panache.withTransaction(() -> takeTurn(room.id())
                        .chain(() -> ArchivedMatch.<ArchivedMatch> findById(room.id()))
                        .chain(existing -> existing != null ? Uni.createFrom().item(false)
                                : write(room, moves).replaceWith(true)))))
                .onFailure(ArchiveRace::lost).recoverWithItem(false)
                .call(written -> store.markArchived(room.id(), Instant.now()))
                .invoke(written -> {
                    if (written) {
                        LOG.debugf("Archived match %s (%d moves)", room.id(), room.slot().moves());
                    }
                });
    }

    /**
     * Waits until no other transaction archives this match, and holds it until this one ends: a
     * PostgreSQL transaction-level advisory lock on the match id, released by the commit or rollback.
     */
    private static Uni<Void> takeTurn(String matchId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext('roundtable.archive'), hashtext(?1))",
                        Integer.class)
                .setParameter(1, matchId)
                .getSingleResult())
                .replaceWithVoid();
    }

    private Uni<Void> write(Room room, List<Move> moves) {
        Outcome outcome = room.slot().outcome();
        ArchivedMatch match = new ArchivedMatch();
        match.id = room.id();
        match.game = room.facts().game();
        match.options = Json.write(room.facts().options());
        match.seed = room.facts().seed();
        match.players = room.slot().players();
        match.createdAt = room.facts().createdAt();
        match.finishedAt = moves.isEmpty() ? room.updatedAt() : moves.get(moves.size() - 1).at();
        match.archivedAt = Instant.now();
        match.summary = outcome.summary();
        match.outcome = Json.write(outcome);
        match.finalState = Json.write(room.state());
        match.moveCount = moves.size();
        match.follows = room.facts().follows();
        for (Member member : room.seated()) {
            Participant p = new Participant();
            p.match = match;
            p.seat = member.seat();
            p.memberId = member.id();
            p.displayName = member.name();
            p.bot = member.bot();
            p.revealed = outcome.revealed().get(member.seat());
            p.side = outcome.sides().get(member.seat());
            p.result = outcome.winners().isEmpty() ? "none" : outcome.winners().contains(member.seat()) ? "win" : "loss";
            match.participants.add(p);
        }
        List<ArchivedMove> rows = moves.stream().map(m -> {
            ArchivedMove row = new ArchivedMove();
            row.matchId = room.id();
            row.idx = (int) m.index();
            row.kind = m.kind();
            row.seat = m.seat();
            row.action = m.action() == null || m.action().isNull() ? null : Json.write(m.action());
            row.byWhom = m.by();
            row.at = m.at();
            row.version = m.version();
            return row;
        }).toList();
        return match.persist().chain(() -> ArchivedMove.persist(rows)).replaceWithVoid();
    }

    /**
     * Another writer of the same match that does not take turns (an older node) wrote it first: the primary
     * key refused ours, which is the point.
     */
    static final class ArchiveRace {
        private ArchiveRace() {
        }

        static boolean lost(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof ConstraintViolationException || String.valueOf(t.getMessage()).contains("duplicate key")) {
                    return true;
                }
            }
            return false;
        }
    }
}
