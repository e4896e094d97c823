package io.roundtable.demo.reliability;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one viewer may see of an Avalon game, written from AVALON-RULES.md alone (it does not ask the
 * game's own visibility table): the night (Merlin: evil but Mordred, and Oberon unless hidden;
 * Percival: Merlin and Morgana, unordered; evil: each other but Oberon; Oberon and Servants: nobody),
 * votes only once the last vote of a proposal is cast, quest cards never by seat, roles of others only
 * once the game is over. Returns every violation it finds in a frame.
 */
final class AvalonOracle {
    static final Set<String> EVIL = Set.of("morgana", "mordred", "oberon", "assassin", "minion");
    private static final Pattern ROLE_WORD = Pattern.compile(
            "\\b(merlin|percival|morgana|mordred|oberon|assassin|minion|servant)\\b", Pattern.CASE_INSENSITIVE);
    /** Log lines that name roles but reveal no hidden one: the Assassin steps forward, and the endings. */
    private static final Pattern ALLOWED_ROLE_LINE = Pattern.compile("Three quests succeeded: the Assassin, seat \\d+, "
            + "names Merlin\\.|The Assassin named seat \\d+\\.|Evil wins: the Assassin named Merlin\\.|"
            + "Good wins: three quests succeeded and the Assassin missed Merlin\\.");
    private static final Pattern QUEST_LINE = Pattern.compile(
            "Quest \\d (succeeded|failed) with \\d+ Fail cards?( \\(\\d+ needed to fail it\\))?\\.");
    private static final Pattern LADY_RESULT = Pattern.compile("Seat (\\d+) used the Lady of the Lake on seat (\\d+)\\."
            + "( Seat \\d+ is (good|evil)\\.)?");

    /** The server-side truth of one finished game, read from Redis. */
    record Truth(List<String> roles, boolean oberonHidden, Map<String, Integer> seats, List<Proposal> proposals) {
        boolean evil(int seat) {
            return EVIL.contains(roles.get(seat));
        }

        /** Seats in the evil channel (and seeing each other at night): evil but Oberon. */
        boolean evilTeam(int seat) {
            return evil(seat) && !roles.get(seat).equals("oberon");
        }

        /** Proposals whose last vote was cast at or before {@code version}. */
        List<Proposal> decidedBy(long version) {
            return proposals.stream().filter(p -> p.decidedAt() <= version).toList();
        }
    }

    /** A voted proposal: the votes by seat, and the version at which the last of them was cast. */
    record Proposal(List<String> votes, long decidedAt) {
    }

    /** What seat {@code viewer} saw at night, as the rules say: seat → label. */
    static Map<Integer, String> night(Truth truth, int viewer) {
        Map<Integer, String> seen = new TreeMap<>();
        String me = truth.roles().get(viewer);
        for (int other = 0; other < truth.roles().size(); other++) {
            String role = truth.roles().get(other);
            if (other == viewer) {
                continue;
            }
            if (me.equals("merlin") && EVIL.contains(role) && !role.equals("mordred")
                    && !(role.equals("oberon") && truth.oberonHidden())) {
                seen.put(other, "evil");
            } else if (me.equals("percival") && (role.equals("merlin") || role.equals("morgana"))) {
                seen.put(other, "merlin-or-morgana");
            } else if (EVIL.contains(me) && !me.equals("oberon") && EVIL.contains(role) && !role.equals("oberon")) {
                seen.put(other, "evil");
            }
        }
        return seen;
    }

    /** Every rule {@code frame} (held by {@code seat}, null for the spectator, at {@code version}) breaks. */
    static List<String> check(Truth truth, Integer seat, long version, JsonNode frame) {
        List<String> violations = new ArrayList<>();
        JsonNode game = frame.path("game");
        if (!game.isObject()) {
            return violations;
        }
        String where = (seat == null ? "spectator" : "seat " + seat) + " at version " + version + ": ";
        boolean over = frame.at("/room/phase").asText().equals("FINISHED") || game.path("phase").asText().equals("over");

        // Roles: one's own; the night as the rules say; everyone's only at the end.
        if (seat == null) {
            for (String field : List.of("you", "role", "side", "sees")) {
                if (game.has(field)) {
                    violations.add(where + "a spectator is shown " + field);
                }
            }
        } else {
            if (!game.path("role").asText().equals(truth.roles().get(seat))) {
                violations.add(where + "shown role " + game.path("role") + " instead of its own");
            }
            Map<Integer, String> sees = new TreeMap<>();
            game.path("sees").forEach(s -> sees.put(s.path("seat").asInt(), s.path("as").asText()));
            if (!sees.equals(night(truth, seat))) {
                violations.add(where + "sees " + sees + " but the rules give " + night(truth, seat));
            }
        }
        if (!over && game.has("roles")) {
            violations.add(where + "every role shown before the end");
        }
        if (game.has("assassin") && !(over || game.path("phase").asText().equals("assassinate"))) {
            violations.add(where + "the Assassin's seat shown before the assassination");
        }
        walk(frame, "", (path, value) -> {
            if (!over && value.isTextual() && !path.startsWith("/room/options") && !path.startsWith("/game/sees")
                    && !path.equals("/game/role") && !path.startsWith("/game/roles") && !path.startsWith("/game/youMay")) {
                Matcher m = ROLE_WORD.matcher(value.asText());
                if (m.find() && !ALLOWED_ROLE_LINE.matcher(value.asText()).matches()) {
                    violations.add(where + "names a role at " + path + ": " + value.asText());
                }
            }
        });

        // The Lady shows a loyalty to her holder only (until the end).
        for (JsonNode use : game.path("lady").path("uses")) {
            boolean holder = seat != null && use.path("holder").asInt() == seat;
            if (use.has("loyalty") && !(holder || over)) {
                violations.add(where + "shown the loyalty another seat's Lady found");
            }
            if (use.has("loyalty") && !use.path("loyalty").asText()
                    .equals(truth.evil(use.path("target").asInt()) ? "evil" : "good")) {
                violations.add(where + "shown a wrong loyalty");
            }
        }
        for (JsonNode line : game.path("log")) {
            Matcher lady = LADY_RESULT.matcher(line.asText());
            if (lady.matches() && lady.group(3) != null && !over
                    && (seat == null || Integer.parseInt(lady.group(1)) != seat)) {
                violations.add(where + "the log tells another seat's Lady result: " + line.asText());
            }
        }

        // Votes: none before the last vote of its proposal; then exactly as cast.
        List<Proposal> decided = truth.decidedBy(version);
        List<JsonNode> voted = new ArrayList<>();
        game.path("proposals").forEach(row -> {
            if (row.path("votes").isArray()) {
                voted.add(row);
            }
        });
        if (voted.size() > decided.size()) {
            violations.add(where + "shows " + voted.size() + " voted proposals, only " + decided.size() + " decided");
        }
        for (int i = 0; i < Math.min(voted.size(), truth.proposals().size()); i++) {
            List<String> shown = new ArrayList<>();
            voted.get(i).path("votes").forEach(v -> shown.add(v.asText()));
            if (!shown.equals(truth.proposals().get(i).votes())) {
                violations.add(where + "proposal row " + i + " shows votes " + shown + " but they were "
                        + truth.proposals().get(i).votes());
            }
        }
        long tallies = 0;
        for (JsonNode line : game.path("log")) {
            tallies += line.asText().contains("(approve:") ? 1 : 0;
        }
        if (tallies > decided.size()) {
            violations.add(where + "the log tallies " + tallies + " proposals, only " + decided.size() + " decided");
        }

        // Quest cards: only how many Fails, never whose.
        walk(frame, "", (path, value) -> {
            String key = path.substring(path.lastIndexOf('/') + 1);
            if (path.startsWith("/room/options")) {
                return; // the rules in play (e.g. timers.vote), public
            }
            if (key.equals("card") || key.equals("cards") || key.equals("vote") || key.equals("votes") && !path.matches(
                    "/game/proposals/\\d+/votes")) {
                violations.add(where + "a " + key + " field at " + path);
            }
            if (value.isTextual() && !path.startsWith("/game/youMay") && !path.matches("/game/proposals/\\d+/votes/\\d+")
                    && value.asText().matches("(?i)approve|reject|success|fail")) {
                violations.add(where + "a vote or card value at " + path);
            }
        });
        for (JsonNode line : game.path("log")) {
            String text = line.asText();
            if (text.matches("(?i).*\\b(fail|success)\\b.*") && !QUEST_LINE.matcher(text).matches()
                    && !text.startsWith("Evil wins:") && !text.startsWith("Good wins:")) {
                violations.add(where + "a log line about cards: " + text);
            }
        }
        for (JsonNode quest : game.path("quests")) {
            for (Iterator<String> it = quest.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!Set.of("number", "team", "fails", "succeeded").contains(field)) {
                    violations.add(where + "a quest carries " + field);
                }
            }
        }

        // Channels: the evil channel is read by the evil who see each other, and shown only to them.
        JsonNode channels = frame.path("channels");
        boolean mine = seat != null && truth.evilTeam(seat) && !over;
        if (mine != (channels.size() == 1) || channels.size() > 1) {
            violations.add(where + "channels " + channels);
        } else if (mine) {
            List<String> members = new ArrayList<>();
            channels.get(0).path("members").forEach(m -> members.add(m.asText()));
            List<String> expected = truth.seats().entrySet().stream().filter(e -> truth.evilTeam(e.getValue()))
                    .sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
            if (!members.equals(expected)) {
                violations.add(where + "the evil channel lists " + members + " instead of " + expected);
            }
        }
        return violations;
    }

    /** Public events carry who acted and the team or target, never a vote or a card. */
    static List<String> checkEvents(JsonNode eventsFrame) {
        List<String> violations = new ArrayList<>();
        for (JsonNode event : eventsFrame.path("events")) {
            for (Iterator<String> it = event.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!Set.of("type", "seat", "team", "target").contains(field)) {
                    violations.add("event " + event + " carries " + field);
                }
            }
        }
        return violations;
    }

    static void walk(JsonNode node, String path, BiConsumer<String, JsonNode> visit) {
        visit.accept(path, node);
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(e.getValue(), path + "/" + e.getKey(), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, visit);
            }
        }
    }
}
