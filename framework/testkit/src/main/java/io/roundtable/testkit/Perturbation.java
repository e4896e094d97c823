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
        int n = secrets.size();
        List<JsonNode> values = new ArrayList<>(n);
        List<Optional<String>> knowledge = new ArrayList<>(n);
        for (Secret secret : secrets) {
            values.add(at(state, secret.path()));
            knowledge.add(secret.knowledgeOf(viewer));
        }
        // Candidates are only counted and encoded here; the few chosen are built afterwards.
        List<long[]> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Secret a = secrets.get(i);
            Optional<String> knowsA = knowledge.get(i);
            boolean exactlyKnown = knowsA.map(Secret.EXACT::equals).orElse(false);
            for (int j = i + 1; j < n && !exactlyKnown; j++) {
                Secret b = secrets.get(j);
                if (a.kind().equals(b.kind()) && !a.path().equals(b.path()) && knowsA.equals(knowledge.get(j))
                        && !values.get(i).equals(values.get(j))) {
                    candidates.add(new long[] { i, j, -1 });
                }
            }
            if (knowsA.isEmpty()) {
                for (int k = 0; k < a.alternatives().size(); k++) {
                    candidates.add(new long[] { i, -1, k });
                }
            }
        }
        List<long[]> chosen = candidates.size() <= limit ? candidates : random.sample(candidates, limit);
        List<Perturbation> perturbations = new ArrayList<>(chosen.size());
        for (long[] c : chosen) {
            Secret a = secrets.get((int) c[0]);
            if (c[1] >= 0) {
                Secret b = secrets.get((int) c[1]);
                perturbations.add(new Perturbation("swap " + a.path() + " <-> " + b.path(), List.of(
                        new Edit(a.path(), values.get((int) c[1])), new Edit(b.path(), values.get((int) c[0])))));
            } else {
                JsonNode alt = Json.tree(a.alternatives().get((int) c[2]));
                if (!alt.equals(values.get((int) c[0]))) {
                    perturbations.add(new Perturbation("replace " + a.path() + " with " + alt,
                            List.of(new Edit(a.path(), alt))));
                }
            }
        }
        return perturbations;
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
