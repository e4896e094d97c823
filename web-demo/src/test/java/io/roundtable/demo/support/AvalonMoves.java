package io.roundtable.demo.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.roundtable.core.json.Json;

/**
 * Chooses an Avalon move the way a client must: only from the viewer's own frame ({@code youMay}),
 * never from hidden state. Loyal to a fault: approves, plays the first card offered, names the first seat.
 */
public final class AvalonMoves {
    private AvalonMoves() {
    }

    public static Optional<JsonNode> next(JsonNode frame) {
        JsonNode may = frame.at("/game/youMay");
        if (!may.isArray() || may.isEmpty()) {
            return Optional.empty();
        }
        JsonNode choice = may.get(0);
        ObjectNode action = Json.mapper().createObjectNode();
        String kind = choice.get("action").asText();
        action.put("type", kind);
        switch (kind) {
            case "propose" -> {
                int you = frame.at("/game/you").asInt();
                List<Integer> team = new ArrayList<>(List.of(you));
                for (JsonNode seat : choice.get("seats")) {
                    if (team.size() < choice.get("teamSize").asInt() && seat.asInt() != you) {
                        team.add(seat.asInt());
                    }
                }
                team.forEach(action.putArray("team")::add);
            }
            case "vote" -> action.put("vote", choice.get("choices").get(0).asText());
            case "quest" -> action.put("card", choice.get("choices").get(0).asText());
            default -> action.put("target", choice.get("seats").get(0).asInt());
        }
        return Optional.of(action);
    }
}
