package io.clusterproof.evidence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.TreeSet;

/** The people a document names (attestation authors, waiver requesters and approvers), as metadata parties. */
final class OscalParties {

    private final TreeSet<String> names = new TreeSet<>();

    /** The party's UUID; the same name is the same party in every document. */
    String uuidOf(String name) {
        names.add(name);
        return uuid(name);
    }

    ArrayNode toJson() {
        var parties = JsonNodeFactory.instance.arrayNode();
        for (var name : names) {
            parties.add(JsonNodeFactory.instance
                    .objectNode()
                    .put("uuid", uuid(name))
                    .put("type", "person")
                    .put("name", name));
        }
        return parties;
    }

    private static String uuid(String name) {
        return StableUuid.of("party/" + name).toString();
    }
}
