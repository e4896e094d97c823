package io.roundtable.games.avalon;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.roundtable.core.spi.Secret;

/**
 * Where the hidden facts are, and what each seat knows of them, for the leak checker. Once the game
 * is over every role is shown, so nothing is secret any more.
 */
final class Secrets {
    private Secrets() {
    }

    static List<Secret> of(AvalonState state) {
        List<Secret> secrets = new ArrayList<>();
        if (state.over()) {
            return secrets;
        }
        for (int seat = 0; seat < state.players(); seat++) {
            if (!publicRole(state, seat)) {
                secrets.add(role(state, seat));
            }
        }
        // Votes and cards exist in the state only while hidden: a decided vote or quest keeps only public facts.
        state.votes().keySet().forEach(seat -> secrets.add(Secret.at("vote", "/votes/" + seat).knownTo(seat)
                .alternatives(Vote.APPROVE, Vote.REJECT)));
        state.cards().keySet().forEach(seat -> secrets.add(Secret.at("card", "/cards/" + seat).knownTo(seat)
                .alternatives(Card.SUCCESS, Card.FAIL)));
        return secrets;
    }

    /** The Assassin steps forward when three quests have succeeded. */
    private static boolean publicRole(AvalonState state, int seat) {
        return state.stage() == Stage.ASSASSINATE && state.seatOf(Role.ASSASSIN).equals(Optional.of(seat));
    }

    /**
     * A seat's role: its owner knows it, others know the label from {@link Visibility#knowledge}.
     * A Servant is seen by no one, so any role nobody saw could have been a Servant.
     */
    private static Secret role(AvalonState state, int seat) {
        Secret secret = Secret.at("role", "/roles/" + seat).knownTo(seat).alternatives(Role.SERVANT);
        for (int viewer = 0; viewer < state.players(); viewer++) {
            if (viewer != seat) {
                Optional<String> label = Visibility.knowledge(state, viewer, seat);
                if (label.isPresent()) {
                    secret = secret.seenAs(viewer, label.get());
                }
            }
        }
        return secret;
    }
}
