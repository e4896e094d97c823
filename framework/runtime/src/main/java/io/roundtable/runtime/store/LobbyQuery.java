package io.roundtable.runtime.store;

/**
 * What the lobby asks for: the newest cards, of one game or any ({@code game} null), open ones, others or
 * either ({@code open} null), at most {@code limit}.
 */
public record LobbyQuery(String game, Boolean open, int limit) {

    /** Every card. */
    public static LobbyQuery everything() {
        return new LobbyQuery(null, null, Integer.MAX_VALUE);
    }

    public boolean matches(RoomCard card) {
        return (game == null || game.equals(card.game())) && (open == null || open == card.open());
    }
}
