package io.clusterproof.snapshot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads bodies as they are stored: packed in a segment ({@code body_segment}) with the bodies of
 * the same collection, or gzipped alone in their own row (an agent's upload, and bodies stored
 * before segments). One instance per read, so that each segment is inflated once for it; the
 * segment is read on the reader's transaction, so no second connection is taken.
 */
final class StoredBodies {

    /** What a query selects of {@code resource_body rb} for {@link #canonical}, in this order. */
    static final String COLUMNS = "rb.body, rb.segment_id, rb.segment_offset, rb.size_bytes";

    private final InflatedSegments segments;

    StoredBodies(JdbcTemplate jdbc) {
        this.segments = new InflatedSegments(
                id -> jdbc.queryForObject("select data from body_segment where id = ?", byte[].class, id));
    }

    /** The canonical JSON of the body whose {@link #COLUMNS} start at column {@code first}. */
    byte[] canonical(ResultSet rs, int first) throws SQLException {
        var alone = rs.getBytes(first);
        if (alone != null) {
            return CanonicalJson.gunzip(alone);
        }
        return segments.body(rs.getLong(first + 1), rs.getInt(first + 2), rs.getInt(first + 3));
    }

    Map<String, Object> parse(ResultSet rs, int first) throws SQLException {
        return CanonicalJson.parse(canonical(rs, first));
    }
}
