package io.roundtable.core.room;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.message.Delivery;
import io.roundtable.core.message.DirectReceipt;
import io.roundtable.core.message.Message;
import io.roundtable.core.message.Target;
import io.roundtable.core.spi.Channel;

/**
 * Room-wide, direct and channel messages into per-member inboxes with gap-free sequence numbers,
 * and acknowledgements. The sender is stamped here; only members send or receive.
 */
final class Mail {
    private final RoomSettings settings;

    Mail(RoomSettings settings) {
        this.settings = settings;
    }

    Result send(Room room, GameAdapter<?, ?, ?> game, Command.Send send, Instant now) {
        Optional<Member> found = room.member(send.member());
        if (found.isEmpty()) {
            return Result.rejected(room, ErrorCode.ROOM_NOT_MEMBER.rejection());
        }
        if (!Recent.validKey(send.idempotencyKey())) {
            return Result.rejected(room, Recent.INVALID_KEY);
        }
        Optional<Room.RecentReply> earlier = Recent.find(room, send.member(), send.idempotencyKey());
        if (earlier.isPresent()) {
            return Result.unchanged(room, new Reply.Accepted(earlier.get().version(), send.member(), true));
        }
        Member sender = found.get();
        String text = send.text() == null ? "" : clean(send.text());
        boolean signal = Message.SIGNAL.equals(send.kind());
        if (send.kind() != null && !signal && !Message.CHAT.equals(send.kind())) {
            return Result.rejected(room, ErrorCode.REQUEST_INVALID.rejection("A message's kind is chat or signal."));
        }
        if (text.isBlank()) {
            return Result.rejected(room, ErrorCode.MESSAGE_EMPTY.rejection());
        }
        int limit = signal ? settings.limits().maxSignalLength() : settings.limits().maxMessageLength();
        if (text.codePointCount(0, text.length()) > limit) {
            return Result.rejected(room, ErrorCode.MESSAGE_TOO_LONG.rejection(
                    "A " + (signal ? "signalling message" : "message") + " has at most " + limit + " characters."));
        }
        Target target = send.to() == null ? Target.room() : send.to();
        if (target instanceof Target.Direct direct && direct.member() == null) {
            return Result.rejected(room, ErrorCode.MESSAGE_NO_RECIPIENT.rejection());
        }
        if (signal && !(target instanceof Target.Direct direct && room.voice() != null
                && room.voice().contains(sender.id()) && room.voice().contains(direct.member()))) {
            return Result.rejected(room, target instanceof Target.Direct d && d.member().equals(sender.id())
                    ? ErrorCode.MESSAGE_TO_SELF.rejection()
                    : ErrorCode.MESSAGE_SIGNAL_NOT_IN_VOICE.rejection());
        }
        List<Member> recipients;
        if (target instanceof Target.Direct direct) {
            if (sender.id().equals(direct.member())) {
                return Result.rejected(room, ErrorCode.MESSAGE_TO_SELF.rejection());
            }
            Optional<Member> to = room.member(direct.member()).filter(m -> !m.bot());
            if (to.isEmpty()) {
                return Result.rejected(room, ErrorCode.MESSAGE_NO_RECIPIENT.rejection());
            }
            // A chat message is copied to its sender so the conversation sits in one inbox; signalling is not.
            recipients = signal ? List.of(to.get()) : List.of(to.get(), sender);
        } else if (target instanceof Target.ChannelTarget channelTarget) {
            Optional<Channel> channel = writable(room, game, sender, channelTarget.channel());
            if (channel.isEmpty()) {
                return Result.rejected(room, ErrorCode.MESSAGE_NO_CHANNEL.rejection());
            }
            recipients = room.members().stream()
                    .filter(m -> !m.bot() && m.isSeated() && channel.get().readers().contains(m.seat())).toList();
        } else {
            if (sender.isSpectator() && room.phase() == Phase.PLAY && !game.spectatorsMayChat(room.state())) {
                return Result.rejected(room, ErrorCode.MESSAGE_SPECTATORS_MUTED.rejection());
            }
            recipients = room.members().stream().filter(m -> !m.bot()).toList();
        }
        Result step = deliver(room, sender, target, text, signal ? Message.SIGNAL : Message.CHAT, recipients, now);
        return Recent.remember(step, send.member(), send.idempotencyKey(), settings.limits().recentReplies());
    }

    /**
     * The room tells every member (players and spectators, not bots) {@code text}, in the same change as
     * {@code pending}: a room-wide message of kind {@code notice}, from nobody.
     */
    static void announce(Pending pending, String text) {
        Room room = pending.room;
        long number = room.post().messages() + 1;
        String id = room.id() + ":" + number;
        for (Member recipient : room.members()) {
            if (recipient.bot()) {
                continue;
            }
            long seq = recipient.inboxSeq() + 1;
            pending.room = pending.room.withMember(recipient.id(), m -> m.withInboxSeq(seq));
            pending.deliveries.add(new Delivery(recipient.id(),
                    new Message(seq, id, null, null, Target.room(), text, pending.now, Message.NOTICE)));
        }
        pending.room = pending.room.withPost(new Postbox(number, room.post().receipts()));
    }

    /** The channel if the sender may write to it; the same empty answer whether or not it exists. */
    private static Optional<Channel> writable(Room room, GameAdapter<?, ?, ?> game, Member sender, String channelId) {
        if (sender.isSpectator() || room.state() == null || room.state().isNull() || room.phase() != Phase.PLAY) {
            return Optional.empty();
        }
        return game.channels(room.state()).stream()
                .filter(c -> c.id().equals(channelId) && c.writers().contains(sender.seat())).findFirst();
    }

    private Result deliver(Room room, Member sender, Target target, String text, String kind, List<Member> recipients,
            Instant now) {
        long number = room.post().messages() + 1;
        String id = room.id() + ":" + number;
        Pending pending = new Pending(room, now);
        List<DirectReceipt> receipts = new ArrayList<>(room.post().receipts());
        for (Member recipient : recipients) {
            long seq = recipient.inboxSeq() + 1;
            pending.room = pending.room.withMember(recipient.id(), m -> m.withInboxSeq(seq));
            pending.deliveries.add(new Delivery(recipient.id(),
                    new Message(seq, id, sender.id(), sender.name(), target, text, now, kind)));
            if (target instanceof Target.Direct direct && recipient.id().equals(direct.member())) {
                receipts.add(new DirectReceipt(id, sender.id(), recipient.id(), seq));
            }
        }
        pending.room = pending.room.withPost(new Postbox(number, trim(receipts, sender.id()))).withLastActiveAt(now);
        return pending.commit(sender.id());
    }

    private List<DirectReceipt> trim(List<DirectReceipt> receipts, String sender) {
        long mine = receipts.stream().filter(r -> r.from().equals(sender)).count();
        List<DirectReceipt> kept = new ArrayList<>(receipts);
        for (int i = 0; i < kept.size() && mine > settings.limits().receiptsPerSender(); ) {
            if (kept.get(i).from().equals(sender)) {
                kept.remove(i);
                mine--;
            } else {
                i++;
            }
        }
        return kept;
    }

    /** Control characters other than newline and tab are dropped. */
    private static String clean(String text) {
        return text.codePoints().filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    Result ack(Room room, Command.Ack ack, Instant now) {
        Optional<Member> member = room.member(ack.member());
        if (member.isEmpty()) {
            return Result.rejected(room, ErrorCode.ROOM_NOT_MEMBER.rejection());
        }
        if (ack.upTo() > member.get().inboxSeq() || ack.upTo() < 0) {
            return Result.rejected(room, ErrorCode.MESSAGE_BAD_ACK.rejection(
                    "Your inbox holds messages up to " + member.get().inboxSeq() + "."));
        }
        if (ack.upTo() <= member.get().ackedSeq()) {
            return Result.unchanged(room, new Reply.Accepted(room.version(), ack.member(), false));
        }
        Pending pending = new Pending(room.withMember(ack.member(), m -> m.withAckedSeq(ack.upTo())), now);
        return pending.commit(ack.member());
    }
}
