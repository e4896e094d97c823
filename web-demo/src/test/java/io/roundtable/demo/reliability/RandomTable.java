package io.roundtable.demo.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.roundtable.core.json.Json;

/**
 * Random Avalon room options for five players: a valid random role set (Merlin with the Assassin,
 * Percival only with Merlin, at most two evil and three good roles), the evil channel on, and the
 * variants at random.
 */
final class RandomTable {
    private RandomTable() {
    }

    static ObjectNode options(Random random) {
        List<String> roles = new ArrayList<>();
        boolean merlin = random.nextInt(4) > 0;
        if (merlin) {
            roles.add("merlin");
            roles.add("assassin");
            if (random.nextBoolean()) {
                roles.add("percival");
            }
        }
        List<String> evil = new ArrayList<>(List.of("morgana", "mordred", "oberon", "minion"));
        java.util.Collections.shuffle(evil, random);
        int evilLeft = 2 - (merlin ? 1 : 0);
        for (int i = 0, n = random.nextInt(evilLeft + 1); i < n; i++) {
            roles.add(evil.get(i));
        }
        if (roles.isEmpty()) {
            roles.add("servant"); // "no special roles" (an empty list would mean the default set)
        }
        java.util.Collections.shuffle(roles, random);
        ObjectNode options = Json.mapper().createObjectNode();
        options.put("players", 5);
        ArrayNode array = options.putArray("roles");
        roles.forEach(array::add);
        options.put("evilChannel", true);
        options.put("lady", random.nextBoolean());
        options.put("hammer", random.nextInt(4) == 0);
        options.put("oberonHiddenFromMerlin", random.nextBoolean());
        return options;
    }
}
