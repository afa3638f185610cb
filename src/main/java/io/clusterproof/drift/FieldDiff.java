package io.clusterproof.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.clusterproof.snapshot.CanonicalJson;
import io.clusterproof.snapshot.ObjectNormaliser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Compares two versions of an object field by field. Maps are compared key by key; list items are
 * matched by their {@code name} when every item of both lists has a distinct one (containers, env,
 * ports, volumes), else by position, and items added or removed are reported as such. Fields that
 * change without the configuration changing (resource versions, managed fields, uids and
 * timestamps) are left out, so a body that differs only in them shows no difference.
 */
final class FieldDiff {

    /** More differences than this in one object are summarised, not listed. */
    static final int MAX_CHANGES = 500;

    private static final int MAX_VALUE_LENGTH = 300;
    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    /** What the normaliser drops at collection, and identity fields a re-created object changes. */
    private static final Set<String> CHURN_METADATA = Stream.concat(
                    ObjectNormaliser.VOLATILE_METADATA.stream(), Stream.of("uid", "creationTimestamp"))
            .collect(Collectors.toUnmodifiableSet());

    private static final Set<String> CHURN_ANNOTATIONS = ObjectNormaliser.VOLATILE_ANNOTATIONS;

    private static final Set<String> CHURN_CONDITION_FIELDS = ObjectNormaliser.CONDITION_TIMES;

    private final List<FieldChange> changes = new ArrayList<>();
    private boolean truncated;

    private FieldDiff() {}

    static List<FieldChange> between(Map<String, Object> before, Map<String, Object> after) {
        var diff = new FieldDiff();
        diff.compare(withoutChurn(before), withoutChurn(after), Path.ROOT);
        if (diff.truncated) {
            diff.changes.add(new FieldChange(
                    "…",
                    ChangeType.CHANGED,
                    null,
                    "more than " + MAX_CHANGES + " fields differ; not all are listed",
                    null));
        }
        return List.copyOf(diff.changes);
    }

    private void compare(@Nullable Object before, @Nullable Object after, Path path) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before instanceof Map<?, ?> a && after instanceof Map<?, ?> b) {
            compareMaps(a, b, path);
        } else if (before instanceof List<?> a && after instanceof List<?> b) {
            if (named(a) && named(b)) {
                compareByName(a, b, path);
            } else {
                compareByIndex(a, b, path);
            }
        } else {
            add(new FieldChange(path.display(), ChangeType.CHANGED, render(before), render(after), path.location()));
        }
    }

    private void compareMaps(Map<?, ?> before, Map<?, ?> after, Path path) {
        var keys = new LinkedHashSet<Object>(before.keySet());
        keys.addAll(after.keySet());
        for (var key : keys) {
            var child = path.key(String.valueOf(key));
            if (!after.containsKey(key)) {
                add(new FieldChange(child.display(), ChangeType.REMOVED, render(before.get(key)), null, null));
            } else if (!before.containsKey(key)) {
                add(new FieldChange(child.display(), ChangeType.ADDED, null, render(after.get(key)), child.location()));
            } else {
                compare(before.get(key), after.get(key), child);
            }
        }
    }

    private void compareByName(List<?> before, List<?> after, Path path) {
        var afterByName = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < after.size(); i++) {
            afterByName.put(nameOf(after.get(i)), i);
        }
        var seen = new HashSet<String>();
        for (var item : before) {
            var name = nameOf(item);
            seen.add(name);
            var index = afterByName.get(name);
            if (index == null) {
                add(new FieldChange(path.named(name, -1).display(), ChangeType.REMOVED, render(item), null, null));
            } else {
                compare(item, after.get(index), path.named(name, index));
            }
        }
        afterByName.forEach((name, index) -> {
            if (!seen.contains(name)) {
                var child = path.named(name, index);
                add(new FieldChange(
                        child.display(), ChangeType.ADDED, null, render(after.get(index)), child.location()));
            }
        });
    }

    private void compareByIndex(List<?> before, List<?> after, Path path) {
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            var child = path.index(i);
            if (i >= after.size()) {
                add(new FieldChange(child.display(), ChangeType.REMOVED, render(before.get(i)), null, null));
            } else if (i >= before.size()) {
                add(new FieldChange(child.display(), ChangeType.ADDED, null, render(after.get(i)), child.location()));
            } else {
                compare(before.get(i), after.get(i), child);
            }
        }
    }

    private void add(FieldChange change) {
        if (changes.size() < MAX_CHANGES) {
            changes.add(change);
        } else {
            truncated = true;
        }
    }

    /** Whether every item is an object with a distinct, non-blank name. */
    private static boolean named(List<?> list) {
        var names = new HashSet<String>();
        for (var item : list) {
            if (!(item instanceof Map<?, ?> map) || !(map.get("name") instanceof String name) || name.isBlank()) {
                return false;
            }
            if (!names.add(name)) {
                return false;
            }
        }
        return !list.isEmpty();
    }

    private static String nameOf(Object item) {
        return String.valueOf(((Map<?, ?>) item).get("name"));
    }

    static String render(@Nullable Object value) {
        String text;
        if (value == null) {
            text = "null";
        } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                text = CanonicalJson.MAPPER.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                text = String.valueOf(value);
            }
        } else {
            text = String.valueOf(value);
        }
        return text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH - 1) + "…";
    }

    /** A copy without churn fields; maps emptied by that are dropped too. */
    static Map<String, Object> withoutChurn(Map<String, Object> object) {
        @SuppressWarnings("unchecked")
        var copy = (Map<String, Object>) strip(object, new ArrayList<>());
        return copy == null ? Map.of() : copy;
    }

    private static @Nullable Object strip(@Nullable Object value, List<String> path) {
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            for (var entry : map.entrySet()) {
                var key = String.valueOf(entry.getKey());
                path.add(key);
                if (!isChurn(path)) {
                    var child = strip(entry.getValue(), path);
                    var emptied = child instanceof Map<?, ?> m
                            && m.isEmpty()
                            && entry.getValue() instanceof Map<?, ?> original
                            && !original.isEmpty();
                    if (!emptied) {
                        copy.put(key, child);
                    }
                }
                path.remove(path.size() - 1);
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<@Nullable Object>(list.size());
            for (var item : list) {
                path.add("*");
                copy.add(strip(item, path));
                path.remove(path.size() - 1);
            }
            return copy;
        }
        return value;
    }

    private static boolean isChurn(List<String> path) {
        int size = path.size();
        var last = path.get(size - 1);
        if (size == 2 && path.get(0).equals("metadata")) {
            return CHURN_METADATA.contains(last);
        }
        if (size == 3 && path.get(0).equals("metadata") && path.get(1).equals("annotations")) {
            return CHURN_ANNOTATIONS.contains(last);
        }
        if (size == 2 && path.get(0).equals("status")) {
            return last.equals("observedGeneration");
        }
        if (size == 2 && path.get(0).equals("report")) {
            return last.equals("updateTimestamp");
        }
        return size >= 3
                && CHURN_CONDITION_FIELDS.contains(last)
                && path.get(size - 2).equals("*")
                && path.get(size - 3).equals("conditions");
    }

    /** A field's address: how people read it, and where it is in the newer object. */
    private record Path(String display, @Nullable String location) {

        static final Path ROOT = new Path("", "");

        Path key(String key) {
            var shown = SIMPLE_KEY.matcher(key).matches()
                    ? (display.isEmpty() ? key : display + "." + key)
                    : display + "[\"" + key + "\"]";
            return new Path(shown, location == null ? null : location.isEmpty() ? key : location + "." + key);
        }

        Path index(int index) {
            return new Path(display + "[" + index + "]", location == null ? null : location + "[" + index + "]");
        }

        /** A list item matched by name; {@code index} is its position in the newer list, -1 when it is gone. */
        Path named(String name, int index) {
            return new Path(
                    display + "[name=" + name + "]",
                    location == null || index < 0 ? null : location + "[" + index + "]");
        }
    }
}
