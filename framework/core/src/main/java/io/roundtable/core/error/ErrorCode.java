package io.roundtable.core.error;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.roundtable.core.spi.Rejection;

/**
 * The closed list of the framework's rejection codes, each with its sentence and the HTTP status a REST
 * answer carries. Games add their own, namespaced by game id ({@code avalon/team_size}; status 409);
 * everything else a client can receive is listed here.
 */
public enum ErrorCode {
    // request: the shape of what arrived
    REQUEST_MALFORMED("request/malformed", Http.BAD_REQUEST, "The request is not valid JSON of the expected shape."),
    REQUEST_TOO_LARGE("request/too_large", Http.TOO_LARGE, "The request is larger than the server accepts."),
    REQUEST_UNKNOWN_COMMAND("request/unknown_command", Http.BAD_REQUEST, "The server does not know this command."),
    REQUEST_INVALID("request/invalid", Http.BAD_REQUEST, "A field of the request has a value the server does not accept."),
    REQUEST_NOT_FOUND("request/not_found", Http.NOT_FOUND, "There is nothing at this address."),

    // server: our fault, never the client's
    SERVER_ERROR("server/error", Http.SERVER_FAULT, "Something went wrong on the server; it has been logged."),
    SERVER_UNCONFIRMED("server/unconfirmed", Http.UNAVAILABLE,
            "The change is not yet on enough Redis replicas to be acknowledged; send it again with the same idempotency key (it is not applied twice)."),

    // auth: who is asking
    AUTH_MISSING_TOKEN("auth/missing_token", Http.UNAUTHORIZED, "This call needs the seat token you received when joining."),
    AUTH_INVALID_TOKEN("auth/invalid_token", Http.UNAUTHORIZED, "The token is not valid for this room and member."),
    AUTH_FORBIDDEN_ORIGIN("auth/forbidden_origin", Http.FORBIDDEN, "Connections from this web origin are not allowed."),

    // rate: how often
    RATE_LIMITED("rate/limited", Http.TOO_MANY, "Too many requests; slow down and retry shortly."),
    LIMIT_ROOMS("limit/rooms", Http.TOO_MANY, "You already hold as many rooms as allowed."),

    // room: the lobby and the room state machine
    ROOM_NOT_FOUND("room/not_found", Http.NOT_FOUND, "There is no such room (it may have finished and been archived)."),
    ROOM_UNKNOWN_GAME("room/unknown_game", Http.NOT_FOUND, "There is no game of that type on this server."),
    ROOM_INVALID_OPTIONS("room/invalid_options", Http.BAD_REQUEST, "The room options are not valid."),
    ROOM_FULL("room/full", Http.CONFLICT, "Every seat in this room is taken."),
    ROOM_IN_PLAY("room/in_play", Http.CONFLICT, "The game has started; you can still join as a spectator."),
    ROOM_ALREADY_MEMBER("room/already_member", Http.CONFLICT, "You are already a member of this room."),
    ROOM_NOT_MEMBER("room/not_member", Http.CONFLICT, "You are not a member of this room."),
    ROOM_WRONG_PHASE("room/wrong_phase", Http.CONFLICT, "That is not possible in the room's current phase."),
    ROOM_NOT_HOST("room/not_host", Http.CONFLICT, "Only the host of the room may do that."),
    ROOM_CANNOT_KICK_SELF("room/cannot_kick_self", Http.CONFLICT, "The host cannot kick themself; leave instead."),
    ROOM_SPECTATOR("room/spectator", Http.CONFLICT, "Spectators watch; they cannot do that."),
    ROOM_PAUSED("room/paused", Http.CONFLICT, "The game is paused until a missing player returns."),
    ROOM_FINISHED("room/finished", Http.CONFLICT, "The game is over."),
    ROOM_BUSY("room/busy", Http.CONFLICT, "The room is changing very fast right now; try again."),
    ROOM_NAME_INVALID("room/name_invalid", Http.BAD_REQUEST, "A display name has 1 to 32 characters and no control characters."),
    ROOM_NAME_TAKEN("room/name_taken", Http.CONFLICT, "Someone in this room already has that name; choose another."),

    // action: game moves
    ACTION_STALE_VERSION("action/stale_version", Http.CONFLICT, "Your step or your choices changed since the version you saw; look again and retry."),
    ACTION_NOT_YOUR_TURN("action/not_your_turn", Http.CONFLICT, "The game is not waiting for you right now."),
    ACTION_MALFORMED("action/malformed", Http.CONFLICT, "This action does not have the shape the game expects."),

    // message: chat, direct messages, channels, inboxes
    MESSAGE_EMPTY("message/empty", Http.CONFLICT, "A message needs some text."),
    MESSAGE_TOO_LONG("message/too_long", Http.CONFLICT, "The message is longer than allowed."),
    MESSAGE_TO_SELF("message/to_self", Http.CONFLICT, "You cannot send a direct message to yourself."),
    MESSAGE_NO_RECIPIENT("message/no_recipient", Http.CONFLICT, "The recipient is not a member of this room."),
    MESSAGE_NO_CHANNEL("message/no_channel", Http.CONFLICT, "You cannot write to that channel."),
    MESSAGE_SPECTATORS_MUTED("message/spectators_muted", Http.CONFLICT, "Spectators cannot chat right now."),
    MESSAGE_BAD_ACK("message/bad_ack", Http.CONFLICT, "You cannot acknowledge messages you have not received."),
    MESSAGE_SIGNAL_NOT_IN_VOICE("message/signal_not_in_voice", Http.CONFLICT, "Voice signalling goes between members who are both in voice."),

    // voice: the room's WebRTC mesh
    VOICE_OFF("voice/off", Http.CONFLICT, "This room has no voice."),
    VOICE_FULL("voice/full", Http.CONFLICT, "The voice mesh is full."),
    VOICE_NOT_JOINED("voice/not_joined", Http.CONFLICT, "Join the voice mesh first."),
    VOICE_BAD_REPORT("voice/bad_report", Http.CONFLICT, "A voice report names a link to oneself or an unknown link state.");


    private static final Map<String, ErrorCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ErrorCode::code, c -> c));
    private final String code;
    private final int status;
    private final String sentence;

    ErrorCode(String code, int status, String sentence) {
        this.code = code;
        this.status = status;
        this.sentence = sentence;
    }

    /** The framework's code of this name; empty for a game's own code ({@code avalon/team_size}). */
    public static Optional<ErrorCode> of(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The HTTP status a REST answer with this code carries (a game's own codes are all 409). */
    public static int status(String code) {
        return of(code).map(ErrorCode::status).orElse(Http.CONFLICT);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String sentence() {
        return sentence;
    }

    public Rejection rejection() {
        return new Rejection(code, sentence);
    }

    /** The same code with a more precise sentence. */
    public Rejection rejection(String preciseSentence) {
        return new Rejection(code, preciseSentence);
    }

    /** HTTP statuses, by what went wrong. */
    private static final class Http {
        static final int BAD_REQUEST = 400;
        static final int UNAUTHORIZED = 401;
        static final int FORBIDDEN = 403;
        static final int NOT_FOUND = 404;
        static final int CONFLICT = 409;
        static final int TOO_LARGE = 413;
        static final int TOO_MANY = 429;
        static final int SERVER_FAULT = 500;
        static final int UNAVAILABLE = 503;

        private Http() {
        }
    }
}
