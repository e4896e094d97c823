package io.roundtable.core.room;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Display names: trimmed, 1 to the configured length, no control characters. */
final class Names {
    private Names() {
    }

    static Optional<String> valid(String name, int maxLength) {
        if (name == null) {
            return Optional.empty();
        }
        String trimmed = name.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length == 0 || length > maxLength || trimmed.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(trimmed);
    }

    /**
     * Whether {@code name} is taken in a room, ignoring case: by a person (player or spectator) who is a member,
     * or by one of the bots the room was created with ("Bot 2"). Two people, or a person and a bot, with one
     * name could not tell the table apart. A bot that plays the seat of a person who left keeps that person's
     * name, and the person may come back under it to watch.
     */
    static boolean taken(String name, Collection<Member> members) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return members.stream().filter(m -> !m.bot() || isBotName(m.name()))
                .anyMatch(m -> m.name().toLowerCase(Locale.ROOT).equals(wanted));
    }

    /** "Ann", "Ann and Bob", "Ann, Bob and Cy". */
    static String inWords(List<String> names) {
        if (names.size() < 2) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** The name the engine gives the {@code n}th bot a room is created with. */
    static String botName(int n) {
        return "Bot " + n;
    }

    private static boolean isBotName(String name) {
        return name.matches("Bot [1-9][0-9]*");
    }

    /** The longest client id a join may carry: the id is stored with the membership, so it is bounded. */
    static final int MAX_CLIENT_LENGTH = 128;

    /** A joining client's own id: absent, or 1 to {@value #MAX_CLIENT_LENGTH} characters without control characters. */
    static boolean validClient(String client) {
        return client == null || !client.isEmpty() && client.length() <= MAX_CLIENT_LENGTH
                && client.codePoints().noneMatch(Character::isISOControl);
    }

    /** For echoing an identifier in a sentence without letting it grow the reply. */
    static String clip(String value) {
        if (value == null) {
            return "";
        }
        String cleaned = value.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned.length() > 40 ? cleaned.substring(0, 40) + "…" : cleaned;
    }
}
