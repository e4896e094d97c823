package io.roundtable.core.message;

import java.time.Instant;

/**
 * A message in one member's inbox. {@code seq} is gap-free per inbox; {@code from} is stamped by
 * the server from the authenticated sender, never taken from input. {@code kind} is {@code chat}
 * for people, {@code signal} for voice signalling (an offer, an answer, ICE candidates) between clients,
 * and {@code notice} for what the room itself tells everyone (a turn timer ran out): then {@code from} and
 * {@code fromName} are null.
 */
public record Message(long seq, String id, String from, String fromName, Target to, String text, Instant at, String kind) {
    public static final String CHAT = "chat";
    public static final String SIGNAL = "signal";
    public static final String NOTICE = "notice";

    public Message {
        kind = kind == null ? CHAT : kind;
    }

    public Message(long seq, String id, String from, String fromName, Target to, String text, Instant at) {
        this(seq, id, from, fromName, to, text, at, CHAT);
    }
}
