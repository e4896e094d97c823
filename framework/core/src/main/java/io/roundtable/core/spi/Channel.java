package io.roundtable.core.spi;

import java.util.Set;

/**
 * A private channel the rules open (an alliance). Channels are derived from the state, so they open,
 * close and change members as the game goes. Only members see that a channel exists.
 */
public record Channel(String id, Set<Integer> readers, Set<Integer> writers) {
    public Channel {
        if (!id.matches("[a-z][a-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("channel id: " + id);
        }
        readers = Set.copyOf(readers);
        writers = Set.copyOf(writers);
        if (!readers.containsAll(writers)) {
            throw new IllegalArgumentException("every writer of channel " + id + " must also read it");
        }
    }

    public static Channel among(String id, Set<Integer> seats) {
        return new Channel(id, seats, seats);
    }
}
