package io.clusterproof.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** NIST's OSCAL 1.1.2 assessment-results JSON schema, as liboscal-java ships it. */
public final class OscalSchema {

    private static final String SCHEMA = "/schema/json/oscal-ar_schema.json";
    private static final JsonSchema ASSESSMENT_RESULTS = load();

    private OscalSchema() {}

    /** Every schema violation of the document, as text; empty when it is valid. */
    public static List<String> violations(JsonNode document) {
        return ASSESSMENT_RESULTS.validate(document).stream()
                .map(ValidationMessage::toString)
                .sorted()
                .toList();
    }

    /** Paths of arrays that are empty, which the schema forbids wherever it allows an array. */
    public static List<String> emptyArrays(JsonNode node) {
        var found = new ArrayList<String>();
        collectEmpty(node, "$", found);
        return found;
    }

    private static void collectEmpty(JsonNode node, String path, List<String> found) {
        if (node.isArray()) {
            if (node.isEmpty()) {
                found.add(path);
            }
            for (int i = 0; i < node.size(); i++) {
                collectEmpty(node.get(i), path + "[" + i + "]", found);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collectEmpty(field.getValue(), path + "." + field.getKey(), found);
            }
        }
    }

    private static JsonSchema load() {
        try (var in = OscalSchema.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is not on the test class path (liboscal-java)");
            }
            var config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
