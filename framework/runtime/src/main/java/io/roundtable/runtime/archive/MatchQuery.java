package io.roundtable.runtime.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.runtime.protocol.Problem;

/**
 * A validated search of the archive: filters, one page, one order. Bad input is refused with
 * {@code request/invalid} and a sentence naming the field.
 */
public record MatchQuery(String game, String player, Instant from, Instant to, int page, int size, boolean newestFirst) {
    public static final int MAX_SIZE = 100;

    public static MatchQuery parse(String game, String player, String from, String to, Integer page, Integer size,
            String sort) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            throw invalid("page starts at 0.");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw invalid("size is between 1 and " + MAX_SIZE + ".");
        }
        if (p > 100_000) {
            throw invalid("page is at most 100000.");
        }
        boolean newest;
        if (sort == null || sort.equals("newest")) {
            newest = true;
        } else if (sort.equals("oldest")) {
            newest = false;
        } else {
            throw invalid("sort is newest or oldest.");
        }
        Instant start = date("from", from, false);
        Instant end = date("to", to, true);
        if (start != null && end != null && start.isAfter(end)) {
            throw invalid("from must not be after to.");
        }
        if (game != null && !game.matches("[a-z0-9_-]{1,64}")) {
            throw invalid("game is a game id such as avalon.");
        }
        if (player != null && (player.isBlank() || player.length() > 64)) {
            throw invalid("player is a display name of 1 to 64 characters.");
        }
        return new MatchQuery(game, player == null ? null : player.strip(), start, end, p, s, newest);
    }

    /** An ISO date (2026-11-26) or instant (2026-11-26T10:00:00Z); a bare date's "to" means the end of that day. */
    private static Instant date(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC)
                        .minusMillis(endOfDay ? 1 : 0);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field + " is a date like 2026-11-26 or an instant like 2026-11-26T10:00:00Z.");
        }
    }

    private static Problem invalid(String sentence) {
        return new Problem(ErrorCode.REQUEST_INVALID, sentence);
    }
}
