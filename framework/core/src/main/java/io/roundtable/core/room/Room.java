package io.roundtable.core.room;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One room, whole: what it is, who is in it, its game with the secrets, its mail, its idempotency
 * memory and its voice mesh, each a group of its own so that a change touches one group. It never
 * leaves the server as is; clients receive {@link io.roundtable.core.view.Frames frames} computed per
 * viewer. Immutable; the {@link RoomEngine} returns a new one for every change.
 *
 * @param id           the room's id
 * @param version      +1 on every applied change (members, chat, presence, game)
 * @param updatedAt    when the last change was applied
 * @param lastActiveAt the last sign of a human (joins, moves, messages); an idle room is removed
 * @param facts        what the room is, fixed at creation
 * @param roster       who is in it
 * @param slot         where it is in its game
 * @param post         its mail
 * @param recent       idempotency keys of recently accepted commands
 * @param voice        the room's voice mesh; null when the room has no voice
 * @param next         where this finished room's table plays again (a rematch); null until a member asks
 */
public record Room(String id, long version, Instant updatedAt, Instant lastActiveAt, RoomFacts facts, Roster roster,
        GameSlot slot, Postbox post, List<RecentReply> recent, Voice voice, NextTable next) {

    public Room {
        recent = List.copyOf(recent);
    }

    /** The reply to an accepted command, remembered under its idempotency key. */
    public record RecentReply(String member, String key, long version) {
    }

    /** A room just made, before its first change is committed: its bots, in the lobby. */
    static Room created(String id, RoomFacts facts, List<Member> bots, Voice voice) {
        return new Room(id, 0, facts.createdAt(), facts.createdAt(), facts, Roster.ofBots(bots), GameSlot.lobby(),
                Postbox.empty(), List.of(), voice, null);
    }

    /** The phase; short for {@code slot().phase()}. */
    public Phase phase() {
        return slot.phase();
    }

    /** The game state; short for {@code slot().state()}. */
    public JsonNode state() {
        return slot.state();
    }

    /** Everyone in the room; short for {@code roster().members()}. */
    public List<Member> members() {
        return roster.members();
    }

    public Optional<Member> member(String memberId) {
        return roster.member(memberId);
    }

    public Optional<Member> inSeat(int seat) {
        return roster.inSeat(seat);
    }

    public List<Member> seated() {
        return members().stream().filter(Member::isSeated).toList();
    }

    public List<Member> humans() {
        return members().stream().filter(m -> !m.bot()).toList();
    }

    Room withRoster(UnaryOperator<Roster> change) {
        return new Room(id, version, updatedAt, lastActiveAt, facts, change.apply(roster), slot, post, recent, voice, next);
    }

    Room withSlot(UnaryOperator<GameSlot> change) {
        return new Room(id, version, updatedAt, lastActiveAt, facts, roster, change.apply(slot), post, recent, voice, next);
    }

    Room withPost(Postbox newPost) {
        return new Room(id, version, updatedAt, lastActiveAt, facts, roster, slot, newPost, recent, voice, next);
    }

    Room withRecent(List<RecentReply> newRecent) {
        return new Room(id, version, updatedAt, lastActiveAt, facts, roster, slot, post, newRecent, voice, next);
    }

    Room withVoice(Voice newVoice) {
        return new Room(id, version, updatedAt, lastActiveAt, facts, roster, slot, post, recent, newVoice, next);
    }

    Room withNext(NextTable nextRoom) {
        return new Room(id, version, updatedAt, lastActiveAt, facts, roster, slot, post, recent, voice, nextRoom);
    }

    Room withLastActiveAt(Instant at) {
        return new Room(id, version, updatedAt, at, facts, roster, slot, post, recent, voice, next);
    }

    /** Short for changing one member through the roster. */
    Room withMember(String memberId, UnaryOperator<Member> change) {
        return withRoster(r -> r.withMember(memberId, change));
    }

    /** Stamps a change: the next version, and the game version too when the game or phase moved. */
    Room committed(Instant now, boolean gameChanged) {
        long nextVersion = version + 1;
        GameSlot stamped = gameChanged ? slot.withGameVersion(nextVersion) : slot;
        return new Room(id, nextVersion, now, lastActiveAt, facts, roster, stamped, post, recent, voice, next);
    }
}
