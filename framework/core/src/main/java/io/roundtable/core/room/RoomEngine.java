package io.roundtable.core.room;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.spi.Policy;

/**
 * The room state machine: LOBBY → BARRIER → PLAY → FINISHED for fixed games, PLAY from the start
 * for dynamic ones. Pure: the room, the command and the time come in, a {@link Result} goes out.
 */
public final class RoomEngine {
    private final GameCatalog games;
    private final RoomSettings settings;
    private final Desks desks;

    public RoomEngine(GameCatalog games, RoomSettings settings) {
        this.games = games;
        this.settings = settings;
        this.desks = new Desks(settings);
    }

    public GameCatalog games() {
        return games;
    }

    public RoomSettings settings() {
        return settings;
    }

    /**
     * A new room of game {@code game}. {@code bots} seats are filled with bots at once (fixed games).
     * Rejected with {@code room/unknown_game} or {@code room/invalid_options}; then the step's room is null.
     */
    public Result create(String roomId, String game, JsonNode options, int bots, long seed, Instant now) {
        return create(roomId, game, options, bots, false, seed, now);
    }

    /** As {@link #create(String, String, JsonNode, int, long, Instant)}, with a voice mesh when {@code voice}. */
    public Result create(String roomId, String game, JsonNode options, int bots, boolean voice, long seed, Instant now) {
        return create(roomId, game, options, bots, voice, null, seed, now);
    }

    /** As above, for the table of room {@code follows} playing again ({@link RoomFacts#follows()}; null: none). */
    public Result create(String roomId, String game, JsonNode options, int bots, boolean voice, String follows, long seed,
            Instant now) {
        var adapter = games.find(game).orElse(null);
        if (adapter == null) {
            return Result.unchanged(null, new Reply.Rejected(ErrorCode.ROOM_UNKNOWN_GAME.rejection(
                    "There is no game called \"" + Names.clip(game) + "\" on this server."), 0));
        }
        var validated = adapter.options(options);
        if (!validated.valid()) {
            String sentence = validated.problems().stream().map(p -> p.message()).collect(Collectors.joining(" "));
            return Result.unchanged(null, new Reply.Rejected(ErrorCode.ROOM_INVALID_OPTIONS.rejection(sentence), 0));
        }
        Policy policy = adapter.policy(validated.options());
        if (bots < 0 || bots > policy.maxPlayers() || bots > 0 && policy.joinMode() == Policy.JoinMode.DYNAMIC) {
            return Result.unchanged(null, new Reply.Rejected(ErrorCode.REQUEST_INVALID.rejection(
                    "This room can have between 0 and " + (policy.joinMode() == Policy.JoinMode.DYNAMIC ? 0
                            : policy.maxPlayers()) + " bots."), 0));
        }
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < bots; i++) {
            members.add(Member.botIn("m" + (i + 1), Names.botName(i + 1), i, now));
        }
        Room room = Room.created(roomId, new RoomFacts(game, validated.options(), seed, now, bots, follows), members,
                voice || adapter.rules().voice() ? Voice.open(settings.limits().voiceMax()) : null);
        Pending pending = new Pending(room, now);
        if (policy.joinMode() == Policy.JoinMode.DYNAMIC) {
            desks.play.start(pending, adapter, 0);
        } else {
            desks.lobby.settle(pending, adapter);
        }
        Result step = pending.commit(null);
        return new Result(step.room(), new Reply.Accepted(step.room().version(), null, false), true, List.of(),
                step.moves(), step.events(), false);
    }

    /** Applies one command at time {@code now}. */
    public Result handle(Room room, Command command, Instant now) {
        var game = games.playedIn(room);
        if (command instanceof Command.FromMember sent && room.member(sent.member()).filter(Member::bot).isPresent()) {
            // Bots are played by the engine; a bot member's id may only be a player who left for good.
            return Result.rejected(room, ErrorCode.ROOM_NOT_MEMBER.rejection());
        }
        return command.handle(desks, room, game, now);
    }
}
