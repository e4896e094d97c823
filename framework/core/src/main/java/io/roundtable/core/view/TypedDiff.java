package io.roundtable.core.view;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializer;
import com.fasterxml.jackson.databind.ser.PropertyWriter;

import io.roundtable.core.json.Json;

/**
 * RFC 6902 operations between two typed values of one viewer — a game's view records as the rules
 * returned them — without turning either into a JSON tree. Equal parts are skipped by {@code equals}
 * (a record compares its components), records are compared property by property as Jackson names them,
 * a list that only grew gets its new elements added, maps are compared key by key, and anything else
 * that changed is replaced by its JSON. Applied to the first value's JSON, the operations give the
 * second's (the test kit's random play checks this for every game, viewer and step).
 *
 * <p>Views must be values: two equal views serialise alike (records and the JDK's lists and maps do).
 * A class Jackson writes in a way of its own ({@code @JsonValue}, {@code @JsonUnwrapped}, a custom
 * serialiser, an inclusion rule other than leaving nulls out or writing them, an any-getter) is replaced
 * whole when it changed.
 */
public final class TypedDiff {
    /** The properties of each plainly written class, or none when Jackson writes it some other way. */
    private static final ClassValue<Optional<List<Property>>> PROPERTIES = new ClassValue<>() {
        @Override
        protected Optional<List<Property>> computeValue(Class<?> type) {
            return Optional.ofNullable(plainProperties(type));
        }
    };

    private TypedDiff() {
    }

    /** Appends to {@code ops} what turns {@code before}'s JSON into {@code after}'s at {@code path}. */
    public static void diff(String path, Object before, Object after, ArrayNode ops) {
        diff(path, before, after, PatchOps.into(ops));
    }

    /** Hands {@code ops} what turns {@code before}'s JSON into {@code after}'s at {@code path}. */
    public static void diff(String path, Object before, Object after, PatchOps ops) {
        if (before == after || Objects.deepEquals(before, after)) {
            return;
        }
        if (before == null || after == null) {
            ops.replace(path, after);
            return;
        }
        if (before instanceof JsonNode from && after instanceof JsonNode to) {
            for (JsonNode op : Deltas.diff(from, to)) {
                String at = path + op.get("path").asText();
                switch (op.get("op").asText()) {
                    case "add" -> ops.add(at, op.get("value"));
                    case "remove" -> ops.remove(at);
                    default -> ops.replace(at, op.get("value"));
                }
            }
            return;
        }
        if (before instanceof List<?> from && after instanceof List<?> to) {
            list(path, from, to, ops);
            return;
        }
        if (before instanceof Map<?, ?> from && after instanceof Map<?, ?> to && stringKeys(from) && stringKeys(to)) {
            map(path, from, to, ops);
            return;
        }
        List<Property> properties = before.getClass() == after.getClass()
                ? PROPERTIES.get(after.getClass()).orElse(null) : null;
        if (properties == null) {
            ops.replace(path, after);
            return;
        }
        for (Property property : properties) {
            Object was = property.read(before);
            Object is = property.read(after);
            if (was == is || Objects.deepEquals(was, is)) {
                continue; // the usual case: no path is even spelled out
            }
            String at = path + "/" + property.pointerName();
            if (was == null && property.nullsLeftOut()) {
                ops.add(at, is);
            } else if (is == null && property.nullsLeftOut()) {
                ops.remove(at);
            } else {
                diff(at, was, is, ops);
            }
        }
    }

    /**
     * A list that kept its elements and grew gets the new ones added; one that dropped a few from its
     * start and took new ones at its end (a bounded log) has those removed and these added; one that lost
     * a few has them removed; one of the same length is diffed element by element unless most of it changed; any other
     * change replaces the list.
     */
    private static void list(String path, List<?> before, List<?> after, PatchOps ops) {
        int kept = before.size();
        if (after.size() > kept && before.equals(after.subList(0, kept))) {
            for (int i = kept; i < after.size(); i++) {
                ops.add(path + "/" + i, after.get(i));
            }
            return;
        }
        if (kept > 1 && !after.isEmpty() && !Objects.deepEquals(before.get(0), after.get(0))
                && shifted(path, before, after, ops)) {
            return;
        }
        if (after.size() < kept && removedFrom(path, before, after, ops)) {
            return;
        }
        if (after.size() == kept) {
            int changed = 0;
            for (int i = 0; i < kept; i++) {
                changed += Objects.deepEquals(before.get(i), after.get(i)) ? 0 : 1;
            }
            if (changed * 2 <= kept) {
                for (int i = 0; i < kept; i++) {
                    if (!Objects.deepEquals(before.get(i), after.get(i))) {
                        diff(path + "/" + i, before.get(i), after.get(i), ops);
                    }
                }
                return;
            }
        }
        ops.replace(path, after);
    }

    /**
     * When {@code after} is {@code before} without its first few elements (at most half) and with new
     * ones after the rest, removes those and adds these; false otherwise.
     */
    private static boolean shifted(String path, List<?> before, List<?> after, PatchOps ops) {
        int kept = before.size();
        int dropped = -1;
        for (int k = 1; k * 2 <= kept; k++) {
            if (Objects.deepEquals(before.get(k), after.get(0))) {
                dropped = k;
                break;
            }
        }
        if (dropped < 0 || after.size() < kept - dropped
                || !before.subList(dropped, kept).equals(after.subList(0, kept - dropped))) {
            return false;
        }
        for (int k = 0; k < dropped; k++) {
            ops.remove(path + "/0");
        }
        for (int i = kept - dropped; i < after.size(); i++) {
            ops.add(path + "/" + i, after.get(i));
        }
        return true;
    }

    /**
     * When {@code after} is {@code before} with a few elements taken out (the seats a vote still waits for),
     * removes those, last first so that each index still points where it did; false otherwise.
     */
    private static boolean removedFrom(String path, List<?> before, List<?> after, PatchOps ops) {
        int gone = before.size() - after.size();
        if (gone * 2 > before.size()) {
            return false;
        }
        int[] removed = new int[gone];
        int found = 0;
        int j = 0;
        for (int i = 0; i < before.size(); i++) {
            if (j < after.size() && Objects.deepEquals(before.get(i), after.get(j))) {
                j++;
            } else if (found < gone) {
                removed[found++] = i;
            } else {
                return false;
            }
        }
        if (j != after.size()) {
            return false;
        }
        for (int k = gone - 1; k >= 0; k--) {
            ops.remove(path + "/" + removed[k]);
        }
        return true;
    }

    /** Keys are compared one by one; a null value is not written (the mapper leaves nulls out). */
    private static void map(String path, Map<?, ?> before, Map<?, ?> after, PatchOps ops) {
        Set<Object> keys = new TreeSet<>();
        before.keySet().forEach(keys::add);
        after.keySet().forEach(keys::add);
        for (Object key : keys) {
            Object was = before.get(key);
            Object is = after.get(key);
            String at = path + "/" + escape((String) key);
            if (was == null && is != null) {
                ops.add(at, is);
            } else if (was != null && is == null) {
                ops.remove(at);
            } else if (was != null) {
                diff(at, was, is, ops);
            }
        }
    }

    private static boolean stringKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }

    static String escape(String name) {
        return name.indexOf('~') < 0 && name.indexOf('/') < 0 ? name : name.replace("~", "~0").replace("/", "~1");
    }

    /** One property as Jackson writes it: its JSON name, how to read it, and whether a null is left out. */
    private record Property(String pointerName, BeanPropertyWriter writer, boolean nullsLeftOut) {
        Object read(Object bean) {
            try {
                return writer.get(bean);
            } catch (Exception e) {
                throw new IllegalStateException("Could not read " + writer.getName() + " of " + bean.getClass(), e);
            }
        }
    }

    private static List<Property> plainProperties(Class<?> type) {
        if (type.isEnum() || type.isArray() || type.isPrimitive() || type.getName().startsWith("java.")
                || hasOwnWay(type)) {
            return null;
        }
        JsonSerializer<Object> serializer;
        try {
            serializer = Json.mapper().getSerializerProviderInstance().findValueSerializer(type);
        } catch (JsonMappingException e) {
            return null;
        }
        if (serializer.getClass() != BeanSerializer.class) {
            return null;
        }
        List<Property> properties = new ArrayList<>();
        for (Iterator<PropertyWriter> it = ((BeanSerializer) serializer).properties(); it.hasNext(); ) {
            PropertyWriter writer = it.next();
            JsonInclude include = writer.getAnnotation(JsonInclude.class);
            if (writer.getClass() != BeanPropertyWriter.class || writer.getAnnotation(JsonSerialize.class) != null
                    || include != null && include.value() != JsonInclude.Include.ALWAYS
                            && include.value() != JsonInclude.Include.NON_NULL
                    || writer.getAnnotation(JsonFormat.class) != null || writer.getAnnotation(JsonUnwrapped.class) != null) {
                return null;
            }
            BeanPropertyWriter bean = (BeanPropertyWriter) writer;
            properties.add(new Property(escape(bean.getName()), bean, bean.willSuppressNulls()));
        }
        return List.copyOf(properties);
    }

    /** Class-level annotations that change how the record is written, or accessors Jackson treats specially. */
    private static boolean hasOwnWay(Class<?> type) {
        if (type.isAnnotationPresent(JsonInclude.class) || type.isAnnotationPresent(JsonSerialize.class)
                || type.isAnnotationPresent(JsonFormat.class)) {
            return true;
        }
        return Arrays.stream(type.getMethods()).anyMatch(m -> m.isAnnotationPresent(JsonValue.class)
                || m.isAnnotationPresent(JsonAnyGetter.class))
                || type.isRecord() && Arrays.stream(type.getRecordComponents()).map(RecordComponent::getAccessor)
                        .anyMatch(m -> m.isAnnotationPresent(JsonValue.class));
    }
}
