package io.clusterproof.drift;

import org.jspecify.annotations.Nullable;

/**
 * One field that differs between two versions of an object. Values are shown as stored, which is
 * redacted: a secret never appears, only the marker that stood in for it.
 *
 * @param path where the field is, for people: {@code spec.template.spec.containers[name=api].image};
 *     list items are named by their {@code name} where they have one, else by index
 * @param before the old value as text, null when the field was added
 * @param after the new value as text, null when the field was removed
 * @param location the field's path in the newer object as {@code YamlView} highlights it ({@code
 *     containers[0].image}), null when it is not in the newer object
 */
public record FieldChange(
        String path,
        ChangeType type,
        @Nullable String before,
        @Nullable String after,
        @Nullable String location) {}
