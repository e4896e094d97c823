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
 * for dynamic ones. Pure: the room, the command and the time come in, a {@link Step} goes out.
 */
public final class RoomEngine {
    private final GameCatalog games;
    private final RoomSettings settings;
    private final Lobby lobby;
    private final Play play;
    private final Mail mail;
    private final Sweep sweep;
    private final VoiceDesk voice;

    public RoomEngine(GameCatalog games, RoomSettings settings) {
        this.games = games;
        this.settings = settings;
        this.play = new Play(settings);
        this.lobby = new Lobby(settings, play);
        this.mail = new Mail(settings);
        this.sweep = new Sweep(settings, lobby, play);
        this.voice = new VoiceDesk();
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
    public Step create(String roomId, String game, JsonNode options, int bots, long seed, Instant now) {
        return create(roomId, game, options, bots, false, seed, now);
    }

    /** As {@link #create(String, String, JsonNode, int, long, Instant)}, with a voice mesh when {@code voice}. */
    public Step create(String roomId, String game, JsonNode options, int bots, boolean voice, long seed, Instant now) {
        var host = games.find(game).orElse(null);
        if (host == null) {
            return Step.unchanged(null, new Reply.Rejected(ErrorCode.ROOM_UNKNOWN_GAME.rejection(
                    "There is no game called \"" + Names.clip(game) + "\" on this server."), 0));
        }
        var validated = host.options(options);
        if (!validated.valid()) {
            String sentence = validated.problems().stream().map(p -> p.message()).collect(Collectors.joining(" "));
            return Step.unchanged(null, new Reply.Rejected(ErrorCode.ROOM_INVALID_OPTIONS.rejection(sentence), 0));
        }
        Policy policy = host.policy(validated.options());
        if (bots < 0 || bots > policy.maxPlayers() || bots > 0 && policy.joinMode() == Policy.JoinMode.DYNAMIC) {
            return Step.unchanged(null, new Reply.Rejected(ErrorCode.REQUEST_INVALID.rejection(
                    "This room can have between 0 and " + (policy.joinMode() == Policy.JoinMode.DYNAMIC ? 0
                            : policy.maxPlayers()) + " bots."), 0));
        }
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < bots; i++) {
            members.add(Member.botIn("m" + (i + 1), "Bot " + (i + 1), i, now));
        }
        Room room = Room.created(roomId, new RoomFacts(game, validated.options(), seed, now), members,
                voice || host.rules().voice() ? Voice.open(settings.limits().voiceMax()) : null);
        Change change = new Change(room, now);
        if (policy.joinMode() == Policy.JoinMode.DYNAMIC) {
            play.start(change, host, 0);
        } else {
            lobby.settle(change, host);
        }
        Step step = change.commit(null);
        return new Step(step.room(), new Reply.Accepted(step.room().version(), null, false), true, List.of(),
                step.moves(), step.events(), false);
    }

    /** Applies one command at time {@code now}. */
    public Step handle(Room room, Command command, Instant now) {
        var host = games.get(room.facts().game());
        if (command instanceof Command.FromMember sent && room.member(sent.member()).filter(Member::bot).isPresent()) {
            // Bots are played by the engine; a bot member's id may only be a player who left for good.
            return Step.rejected(room, ErrorCode.ROOM_NOT_MEMBER.rejection());
        }
        if (command instanceof Command.Join join) {
            return lobby.join(room, host, join, now);
        } else if (command instanceof Command.Leave leave) {
            return lobby.leave(room, host, leave.member(), now);
        } else if (command instanceof Command.Kick kick) {
            return lobby.kick(room, host, kick, now);
        } else if (command instanceof Command.Ready ready) {
            return lobby.ready(room, host, ready, now);
        } else if (command instanceof Command.Act act) {
            return play.act(room, host, act, now);
        } else if (command instanceof Command.Send send) {
            return mail.send(room, host, send, now);
        } else if (command instanceof Command.Ack ack) {
            return mail.ack(room, ack, now);
        } else if (command instanceof Command.Heartbeat beat) {
            return sweep.heartbeat(room, host, beat.member(), now);
        } else if (command instanceof Command.VoiceJoin || command instanceof Command.VoiceLeave
                || command instanceof Command.VoiceReport) {
            return voice.handle(room, (Command.FromMember) command, now);
        }
        return sweep.tick(room, host, (Command.Tick) command, now);
    }
}
