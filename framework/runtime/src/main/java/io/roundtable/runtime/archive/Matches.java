package io.roundtable.runtime.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.roundtable.core.json.Json;
import io.smallrye.mutiny.Uni;

/** Reads the archive: searches, one match, its moves, and a player's record. */
@ApplicationScoped
public class Matches {

    /** A page of matches with their participants. */
    public record Page(int page, int size, long total, List<Summary> items) {
    }

    /** A finished match; {@code follows}: the match whose table played again in this one (a rematch), or null. */
    public record Summary(String id, String game, Instant createdAt, Instant finishedAt, int players,
            int moves, String summary, JsonNode options, List<Seat> participants, String follows) {
    }

    public record Seat(int seat, String name, boolean bot, String revealed, String side, String result) {
    }

    /** A player's record: overall, per game, per side and per revealed role. */
    public record Stats(String name, long games, long wins, Map<String, Tally> byGame, Map<String, Tally> bySide,
            Map<String, Tally> byRole) {
    }

    public record Tally(long games, long wins) {
        Tally add(boolean won) {
            return new Tally(games + 1, wins + (won ? 1 : 0));
        }
    }

    public Uni<Page> search(MatchQuery q) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (q.game() != null) {
            where.append(" and game = :game");
            params = params.and("game", q.game());
        }
        if (q.player() != null) {
            where.append(" and exists (select 1 from Participant p where p.match = m and lower(p.displayName) = :player)");
            params = params.and("player", q.player().toLowerCase(Locale.ROOT));
        }
        if (q.from() != null) {
            where.append(" and finishedAt >= :from");
            params = params.and("from", q.from());
        }
        if (q.to() != null) {
            where.append(" and finishedAt <= :to");
            params = params.and("to", q.to());
        }
        String hql = "from ArchivedMatch m where " + where;
        Sort sort = q.newestFirst() ? Sort.descending("finishedAt", "id") : Sort.ascending("finishedAt", "id");
        Parameters finalParams = params;
        return Panache.withSession(() -> ArchivedMatch.<ArchivedMatch> find(hql, sort, finalParams)
                .page(q.page(), q.size()).list()
                .chain(matches -> ArchivedMatch.count(hql, finalParams)
                        .chain(total -> participants(matches.stream().map(m -> m.id).toList())
                                .map(seats -> new Page(q.page(), q.size(), total, matches.stream()
                                        .map(m -> summary(m, seats.getOrDefault(m.id, List.of()))).toList())))));
    }

    public Uni<ArchivedMatch> find(String id) {
        return Panache.withSession(() -> ArchivedMatch.<ArchivedMatch> findById(id));
    }

    /** The public summary of a match found with {@link #find}. */
    public Uni<Summary> summary(ArchivedMatch match) {
        return Panache.withSession(() -> participants(List.of(match.id))
                .map(seats -> summary(match, seats.getOrDefault(match.id, List.of()))));
    }

    /** The match that played again with this one's table (its rematch), once archived; null if none. */
    public Uni<String> followedBy(String id) {
        return Panache.withSession(() -> ArchivedMatch.<ArchivedMatch> find("follows", Sort.ascending("finishedAt"), id)
                .firstResult()).map(m -> m == null ? null : m.id);
    }

    /** The seat {@code member} held at the end of the match, or null if they held none (a spectator). */
    public Uni<Integer> seatOf(String id, String member) {
        return Panache.withSession(() -> Participant.<Participant> find(
                "select p from Participant p join fetch p.match m where m.id = ?1 and p.memberId = ?2", id, member).firstResult())
                .map(p -> p == null ? null : p.seat);
    }

    public Uni<List<ArchivedMove>> moves(String id) {
        return Panache.withSession(() -> ArchivedMove.<ArchivedMove> find("matchId", Sort.ascending("idx"), id).list());
    }

    public Uni<Stats> stats(String name) {
        return Panache.withSession(() -> Participant.<Participant> find(
                "select p from Participant p join fetch p.match where lower(p.displayName) = ?1",
                name.strip().toLowerCase(Locale.ROOT)).list()).map(rows -> {
                    Map<String, Tally> byGame = new LinkedHashMap<>();
                    Map<String, Tally> bySide = new LinkedHashMap<>();
                    Map<String, Tally> byRole = new LinkedHashMap<>();
                    long wins = 0;
                    for (Participant p : rows) {
                        boolean won = "win".equals(p.result);
                        wins += won ? 1 : 0;
                        byGame.merge(p.match.game, new Tally(1, won ? 1 : 0), (a, b) -> a.add(won));
                        if (p.side != null) {
                            bySide.merge(p.side, new Tally(1, won ? 1 : 0), (a, b) -> a.add(won));
                        }
                        if (p.revealed != null) {
                            byRole.merge(p.revealed, new Tally(1, won ? 1 : 0), (a, b) -> a.add(won));
                        }
                    }
                    return new Stats(name.strip(), rows.size(), wins, byGame, bySide, byRole);
                });
    }

    private static Uni<Map<String, List<Seat>>> participants(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Participant.<Participant> find("select p from Participant p join fetch p.match m where m.id in ?1 order by p.seat",
                ids).list().map(rows -> {
            Map<String, List<Seat>> byMatch = new HashMap<>();
            for (Participant p : rows) {
                byMatch.computeIfAbsent(p.match.id, k -> new ArrayList<>())
                        .add(new Seat(p.seat, p.displayName, p.bot, p.revealed, p.side, p.result));
            }
            return byMatch;
        });
    }

    private static Summary summary(ArchivedMatch m, List<Seat> seats) {
        return new Summary(m.id, m.game, m.createdAt, m.finishedAt, m.players, m.moveCount, m.summary,
                Json.read(m.options, JsonNode.class), seats, m.follows);
    }
}
