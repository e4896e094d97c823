package io.roundtable.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.Secret;
import io.roundtable.core.spi.Viewer;

/**
 * A change to hidden facts that a given viewer cannot tell apart from the real state: two secrets
 * of one kind swapped where the viewer knows both equally little, or one secret the viewer knows
 * nothing of replaced by one of its alternatives.
 */
record Perturbation(String description, List<Edit> edits) {

    record Edit(String path, JsonNode value) {
    }

    /** Applies the edits to a copy of the state JSON. */
    JsonNode applyTo(JsonNode state) {
        JsonNode copy = state.deepCopy();
        for (Edit edit : edits) {
            set(copy, edit.path(), edit.value());
        }
        return copy;
    }

    /** Up to {@code limit} perturbations that {@code viewer} must not be able to notice, chosen at random. */
    static List<Perturbation> unnoticeableBy(Viewer viewer, JsonNode state, List<Secret> secrets, int limit,
            GameRandom random) {
        List<Perturbation> all = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            Secret a = secrets.get(i);
            JsonNode valueA = at(state, a.path());
            Optional<String> knowsA = a.knowledgeOf(viewer);
            for (int j = i + 1; j < secrets.size(); j++) {
                Secret b = secrets.get(j);
                if (!a.kind().equals(b.kind()) || a.path().equals(b.path())) {
                    continue;
                }
                JsonNode valueB = at(state, b.path());
                boolean sameKnowledge = Objects.equals(knowsA, b.knowledgeOf(viewer))
                        && !knowsA.map(Secret.EXACT::equals).orElse(false);
                if (sameKnowledge && !valueA.equals(valueB)) {
                    all.add(new Perturbation("swap " + a.path() + " <-> " + b.path(),
                            List.of(new Edit(a.path(), valueB), new Edit(b.path(), valueA))));
                }
            }
            if (knowsA.isEmpty()) {
                for (Object alternative : a.alternatives()) {
                    JsonNode alt = Json.tree(alternative);
                    if (!alt.equals(valueA)) {
                        all.add(new Perturbation("replace " + a.path() + " with " + alt, List.of(new Edit(a.path(), alt))));
                    }
                }
            }
        }
        return all.size() <= limit ? all : random.sample(all, limit);
    }

    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root.at(JsonPointer.compile(path));
        if (node.isMissingNode()) {
            throw new IllegalStateException("a declared secret points nowhere in the state: " + path);
        }
        return node;
    }

    private static void set(JsonNode root, String path, JsonNode value) {
        JsonPointer pointer = JsonPointer.compile(path);
        JsonNode parent = root.at(pointer.head());
        String last = pointer.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            throw new IllegalStateException("cannot write a secret at " + path);
        }
    }
}
