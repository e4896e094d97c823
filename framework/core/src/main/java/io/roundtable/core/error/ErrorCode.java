package io.roundtable.core.error;

import io.roundtable.core.spi.Rejection;

/**
 * The closed list of the framework's rejection codes. Games add their own, namespaced by game id
 * ({@code avalon/team_size}); everything else a client can receive is listed here.
 */
public enum ErrorCode {
    // request: the shape of what arrived
    REQUEST_MALFORMED("request/malformed", "The request is not valid JSON of the expected shape."),
    REQUEST_TOO_LARGE("request/too_large", "The request is larger than the server accepts."),
    REQUEST_UNKNOWN_COMMAND("request/unknown_command", "The server does not know this command."),
    REQUEST_INVALID("request/invalid", "A field of the request has a value the server does not accept."),
    REQUEST_NOT_FOUND("request/not_found", "There is nothing at this address."),

    // server: our fault, never the client's
    SERVER_ERROR("server/error", "Something went wrong on the server; it has been logged."),

    // auth: who is asking
    AUTH_MISSING_TOKEN("auth/missing_token", "This call needs the seat token you received when joining."),
    AUTH_INVALID_TOKEN("auth/invalid_token", "The token is not valid for this room and member."),
    AUTH_FORBIDDEN_ORIGIN("auth/forbidden_origin", "Connections from this web origin are not allowed."),

    // rate: how often
    RATE_LIMITED("rate/limited", "Too many requests; slow down and retry shortly."),
    LIMIT_ROOMS("limit/rooms", "You already hold as many rooms as allowed."),

    // room: the lobby and the room state machine
    ROOM_NOT_FOUND("room/not_found", "There is no such room (it may have finished and been archived)."),
    ROOM_UNKNOWN_GAME("room/unknown_game", "There is no game of that type on this server."),
    ROOM_INVALID_OPTIONS("room/invalid_options", "The room options are not valid."),
    ROOM_FULL("room/full", "Every seat in this room is taken."),
    ROOM_IN_PLAY("room/in_play", "The game has started; you can still join as a spectator."),
    ROOM_ALREADY_MEMBER("room/already_member", "You are already a member of this room."),
    ROOM_NOT_MEMBER("room/not_member", "You are not a member of this room."),
    ROOM_WRONG_PHASE("room/wrong_phase", "That is not possible in the room's current phase."),
    ROOM_NOT_HOST("room/not_host", "Only the host of the room may do that."),
    ROOM_CANNOT_KICK_SELF("room/cannot_kick_self", "The host cannot kick themself; leave instead."),
    ROOM_SPECTATOR("room/spectator", "Spectators watch; they cannot do that."),
    ROOM_PAUSED("room/paused", "The game is paused until a missing player returns."),
    ROOM_FINISHED("room/finished", "The game is over."),
    ROOM_BUSY("room/busy", "The room is changing very fast right now; try again."),
    ROOM_NAME_INVALID("room/name_invalid", "A display name has 1 to 32 characters and no control characters."),

    // action: game moves
    ACTION_STALE_VERSION("action/stale_version", "Your step or your choices changed since the version you saw; look again and retry."),
    ACTION_NOT_YOUR_TURN("action/not_your_turn", "The game is not waiting for you right now."),
    ACTION_MALFORMED("action/malformed", "This action does not have the shape the game expects."),

    // message: chat, direct messages, channels, inboxes
    MESSAGE_EMPTY("message/empty", "A message needs some text."),
    MESSAGE_TOO_LONG("message/too_long", "The message is longer than allowed."),
    MESSAGE_TO_SELF("message/to_self", "You cannot send a direct message to yourself."),
    MESSAGE_NO_RECIPIENT("message/no_recipient", "The recipient is not a member of this room."),
    MESSAGE_NO_CHANNEL("message/no_channel", "You cannot write to that channel."),
    MESSAGE_SPECTATORS_MUTED("message/spectators_muted", "Spectators cannot chat right now."),
    MESSAGE_BAD_ACK("message/bad_ack", "You cannot acknowledge messages you have not received."),
    MESSAGE_SIGNAL_NOT_IN_VOICE("message/signal_not_in_voice", "Voice signalling goes between members who are both in voice."),

    // voice: the room's WebRTC mesh
    VOICE_OFF("voice/off", "This room has no voice."),
    VOICE_FULL("voice/full", "The voice mesh is full."),
    VOICE_NOT_JOINED("voice/not_joined", "Join the voice mesh first."),
    VOICE_BAD_REPORT("voice/bad_report", "A voice report names a link to oneself or an unknown link state.");

    private final String code;
    private final String sentence;

    ErrorCode(String code, String sentence) {
        this.code = code;
        this.sentence = sentence;
    }

    public String code() {
        return code;
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
}
