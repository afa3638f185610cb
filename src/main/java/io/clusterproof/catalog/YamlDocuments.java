package io.clusterproof.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Map;

/**
 * {@code parseYaml(text)}: a configuration file kept as text in a ConfigMap entry (kubeadm's
 * {@code kubelet-config}, a component's config) read as a map, so a rule can judge its fields
 * instead of searching the text. Text that is not one YAML or JSON mapping is an evaluation error,
 * so the rule gives ERROR, never PASS.
 */
final class YamlDocuments {

    /** Integers come back as {@code Long}, which is what CEL's {@code int} is. */
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();

    private YamlDocuments() {}

    static Map<?, ?> parse(String text) {
        Object value;
        try {
            value = MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "parseYaml: the text is not valid YAML (line "
                            + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                            + ")",
                    e);
        }
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException("parseYaml: the text is not a YAML mapping");
    }
}
