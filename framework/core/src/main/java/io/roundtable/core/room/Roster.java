package io.roundtable.core.room;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Who is in a room.
 *
 * @param members players, bots and spectators, in join order
 * @param host    the member who hosts the room (may kick); null until a human joins
 * @param joins   members ever joined (member ids are m1, m2, …)
 */
public record Roster(List<Member> members, String host, int joins) {

    public Roster {
        members = List.copyOf(members);
    }

    /** A new room's roster: its bots, no host yet. */
    static Roster ofBots(List<Member> bots) {
        return new Roster(bots, null, bots.size());
    }

    public Optional<Member> member(String memberId) {
        return members.stream().filter(m -> m.id().equals(memberId)).findFirst();
    }

    public Optional<Member> inSeat(int seat) {
        return members.stream().filter(m -> m.seat() != null && m.seat() == seat).findFirst();
    }

    Roster withMembers(List<Member> newMembers) {
        return new Roster(newMembers, host, joins);
    }

    Roster withMember(String memberId, UnaryOperator<Member> change) {
        List<Member> next = new ArrayList<>(members.size());
        for (Member m : members) {
            next.add(m.id().equals(memberId) ? change.apply(m) : m);
        }
        return withMembers(next);
    }

    Roster withHost(String newHost) {
        return new Roster(members, newHost, joins);
    }

    /** One more join: the next member id is {@code m} + the new count. */
    Roster counted() {
        return new Roster(members, host, joins + 1);
    }
}
