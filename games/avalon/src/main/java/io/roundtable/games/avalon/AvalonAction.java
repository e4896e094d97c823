package io.roundtable.games.avalon;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What a seat can do; the JSON carries {@code "type"}, e.g. {@code {"type":"vote","vote":"approve"}}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AvalonAction.Propose.class, name = "propose"),
        @JsonSubTypes.Type(value = AvalonAction.CastVote.class, name = "vote"),
        @JsonSubTypes.Type(value = AvalonAction.PlayCard.class, name = "quest"),
        @JsonSubTypes.Type(value = AvalonAction.Examine.class, name = "lady"),
        @JsonSubTypes.Type(value = AvalonAction.Assassinate.class, name = "assassinate")})
public sealed interface AvalonAction {

    /** The leader proposes a team: {@code {"type":"propose","team":[0,3,4]}}. */
    record Propose(List<Integer> team) implements AvalonAction {
    }

    /** {@code {"type":"vote","vote":"approve"}} or {@code "reject"}. */
    record CastVote(Vote vote) implements AvalonAction {
    }

    /** A team member plays a card: {@code {"type":"quest","card":"success"}} or {@code "fail"}. */
    record PlayCard(Card card) implements AvalonAction {
    }

    /** The holder of the Lady of the Lake examines a player: {@code {"type":"lady","target":2}}. */
    record Examine(Integer target) implements AvalonAction {
    }

    /** The Assassin names Merlin (they hope): {@code {"type":"assassinate","target":5}}. */
    record Assassinate(Integer target) implements AvalonAction {
    }

    static AvalonAction propose(Integer... team) {
        return new Propose(List.of(team));
    }

    static AvalonAction approve() {
        return new CastVote(Vote.APPROVE);
    }

    static AvalonAction reject() {
        return new CastVote(Vote.REJECT);
    }

    static AvalonAction success() {
        return new PlayCard(Card.SUCCESS);
    }

    static AvalonAction fail() {
        return new PlayCard(Card.FAIL);
    }

    static AvalonAction lady(int target) {
        return new Examine(target);
    }

    static AvalonAction assassinate(int target) {
        return new Assassinate(target);
    }
}
