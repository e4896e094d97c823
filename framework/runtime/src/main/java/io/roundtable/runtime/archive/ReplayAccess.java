package io.roundtable.runtime.archive;

import jakarta.enterprise.context.ApplicationScoped;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.runtime.config.RoundtableConfig;
import io.roundtable.runtime.protocol.Problem;
import io.roundtable.runtime.rooms.Tokens;
import io.smallrye.mutiny.Uni;

/**
 * Who may see a finished match through which eyes. Anyone: a spectator's. A seat's: only its player,
 * proven by the seat token they were given when joining (the match id is the room id, and tokens are
 * checked without the room, so they still work once it is gone) — bots' seats therefore never. Everything
 * revealed: nobody. Unless the operator opted in ({@code roundtable.archive.full-reveal}): then every seat
 * and the whole state are open to all.
 */
@ApplicationScoped
public class ReplayAccess {
    private final Tokens tokens;
    private final Matches matches;
    private final RoundtableConfig config;

    public ReplayAccess(Tokens tokens, Matches matches, RoundtableConfig config) {
        this.tokens = tokens;
        this.matches = matches;
        this.config = config;
    }

    public boolean fullReveal() {
        return config.archive().fullReveal();
    }

    /** Eyes the asker may use, and the seat the asker played in the match (null: no token, or not a player's). */
    public record Asker(Eyes eyes, Integer you) {
    }

    /**
     * {@code eyes} with the asker's own seat, when the asker may use them; otherwise fails with the reason.
     * The token is read and the seat looked up once, for both.
     */
    public Uni<Asker> allow(String match, Eyes eyes, String authorization) {
        if (eyes.revealed() && !fullReveal()) {
            return Uni.createFrom().failure(new Problem(ErrorCode.REQUEST_INVALID,
                    "This server does not show fully revealed replays."));
        }
        String token = Tokens.bearer(authorization);
        String member = token == null ? null : tokens.member(match, token).orElse(null);
        Uni<Integer> seat = member == null ? Uni.createFrom().nullItem() : matches.seatOf(match, member);
        return seat.map(you -> {
            if (eyes.isSeat() && !fullReveal()) {
                if (token == null) {
                    throw new Problem(ErrorCode.AUTH_MISSING_TOKEN, "Only the player of seat " + eyes.seat()
                            + " may see this match through its eyes: send their seat token.");
                }
                if (member == null) {
                    throw new Problem(ErrorCode.AUTH_INVALID_TOKEN, "This token is not a seat token of this match.");
                }
                if (you == null || you != eyes.seat()) {
                    throw new Problem(ErrorCode.AUTH_INVALID_TOKEN, "This token is not seat " + eyes.seat()
                            + "'s: only that seat's player may see this match through its eyes.");
                }
            }
            return new Asker(eyes, you);
        });
    }
}
