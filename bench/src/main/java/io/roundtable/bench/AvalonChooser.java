package io.roundtable.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;

/** Picks a legal Avalon move from a viewer's own frame, like a casual player would. */
final class AvalonChooser {
    private AvalonChooser() {
    }

    static Optional<String> next(JsonNode frame) {
        JsonNode may = frame == null ? null : frame.at("/game/youMay");
        if (may == null || !may.isArray() || may.isEmpty()) {
            return Optional.empty();
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        JsonNode choice = may.get(0);
        String kind = choice.get("action").asText();
        switch (kind) {
            case "propose" -> {
                int you = frame.at("/game/you").asInt();
                List<Integer> seats = new ArrayList<>();
                choice.get("seats").forEach(s -> seats.add(s.asInt()));
                java.util.Collections.shuffle(seats, random);
                List<Integer> team = new ArrayList<>(List.of(you));
                for (int seat : seats) {
                    if (team.size() < choice.get("teamSize").asInt() && seat != you) {
                        team.add(seat);
                    }
                }
                return Optional.of("{\"type\":\"propose\",\"team\":" + team + "}");
            }
            case "vote" -> {
                JsonNode options = choice.get("choices");
                String vote = random.nextInt(10) < 7 ? options.get(0).asText() : options.get(options.size() - 1).asText();
                return Optional.of("{\"type\":\"vote\",\"vote\":\"" + vote + "\"}");
            }
            case "quest" -> {
                JsonNode options = choice.get("choices");
                return Optional.of("{\"type\":\"quest\",\"card\":\"" + options.get(random.nextInt(options.size())).asText()
                        + "\"}");
            }
            default -> {
                JsonNode seats = choice.get("seats");
                return Optional.of("{\"type\":\"" + kind + "\",\"target\":" + seats.get(random.nextInt(seats.size()))
                        + "}");
            }
        }
    }
}
