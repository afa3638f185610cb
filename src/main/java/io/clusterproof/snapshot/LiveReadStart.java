package io.clusterproof.snapshot;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a live collection of a cluster starts from: the digests its latest objects have, so that
 * only new bodies are packed, and what was read of them from the API server, at which version
 * ({@link ReadVersions}).
 */
@Component
class LiveReadStart {

    record Current(Set<String> digests, ReadVersions readVersions) {}

    private final JdbcTemplate jdbc;

    LiveReadStart(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One query; the strings many rows repeat (group, kind, namespace, API version) are held once. */
    @Transactional(readOnly = true)
    Current of(long clusterId, @Nullable String period) {
        var digests = new HashSet<String>();
        var known = new HashMap<ResourceKey, ReadVersions.Known>();
        var shared = new HashMap<String, String>();
        jdbc.query(
                "select api_group, kind, namespace, name, api_version, uid, digest, controlled, read_version "
                        + "from resource_state where cluster_id = ? and valid_to is null",
                rs -> {
                    var digest = rs.getString(7);
                    digests.add(digest);
                    var uid = rs.getString(6);
                    var readVersion = rs.getString(9);
                    if (uid == null || readVersion == null) {
                        return;
                    }
                    var key = new ResourceKey(
                            shared.computeIfAbsent(rs.getString(1), s -> s),
                            shared.computeIfAbsent(rs.getString(2), s -> s),
                            shared.computeIfAbsent(rs.getString(3), s -> s),
                            rs.getString(4));
                    known.put(
                            key,
                            new ReadVersions.Known(
                                    shared.computeIfAbsent(rs.getString(5), s -> s),
                                    uid,
                                    digest,
                                    rs.getBoolean(8),
                                    readVersion));
                },
                clusterId);
        return new Current(digests, new ReadVersions(known, period));
    }
}
