package io.clusterproof.snapshot;

import java.util.Map;

/** One object read from a manifest, with where it came from (for error messages and SARIF locations). */
public record ManifestObject(Map<String, Object> object, String file, int line) {

    public String source() {
        return file + ":" + line;
    }
}
