package io.clusterproof.evidence;

import io.clusterproof.base.SqlPages;
import io.clusterproof.base.SqlTime;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The evidence locker's table. A pack goes in once, streamed from its file, and is read back as a
 * stream; there is no update, and delete serves retention only.
 */
@Component
class Locker {

    private static final String COLUMNS =
            "id, file_name, framework_id, clusters, period_from, period_to, generated_at, "
                    + "generated_by, schedule_id, sha256, size_bytes, retain_until";

    private final JdbcTemplate jdbc;

    Locker(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the pack; call inside the transaction that also audits it. */
    long store(PackSummary pack, String manifest, Path zip) {
        var keys = new GeneratedKeyHolder();
        try (InputStream content = Files.newInputStream(zip)) {
            jdbc.update(
                    connection -> {
                        var statement = connection.prepareStatement("""
                                insert into evidence_pack (file_name, framework_id, clusters, period_from, period_to,
                                    generated_at, generated_by, schedule_id, sha256, size_bytes, retain_until, manifest, content)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                                """, new String[] {"id"});
                        statement.setString(1, pack.fileName());
                        statement.setString(2, pack.frameworkId());
                        statement.setString(3, String.join("\n", pack.clusters()));
                        statement.setDate(4, Date.valueOf(pack.from()));
                        statement.setDate(5, Date.valueOf(pack.to()));
                        statement.setObject(6, SqlTime.of(pack.generatedAt()));
                        statement.setString(7, pack.generatedBy());
                        statement.setObject(8, pack.scheduleId());
                        statement.setString(9, pack.sha256());
                        statement.setLong(10, pack.sizeBytes());
                        statement.setObject(11, SqlTime.of(pack.retainUntil()));
                        statement.setString(12, manifest);
                        statement.setBinaryStream(13, content, Math.toIntExact(pack.sizeBytes()));
                        return statement;
                    },
                    keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Objects.requireNonNull(keys.getKey(), "the insert returns the generated id")
                .longValue();
    }

    Page<PackSummary> list(Pageable pageable) {
        return SqlPages.page(
                jdbc,
                pageable,
                "select count(*) from evidence_pack",
                "select " + COLUMNS + " from evidence_pack order by generated_at desc, id desc",
                SUMMARY);
    }

    long count() {
        var total = jdbc.queryForObject("select count(*) from evidence_pack", Long.class);
        return total == null ? 0 : total;
    }

    Optional<PackSummary> get(long id) {
        return jdbc.query("select " + COLUMNS + " from evidence_pack where id = ?", SUMMARY, id).stream()
                .findFirst();
    }

    Optional<String> manifest(long id) {
        return jdbc.queryForList("select manifest from evidence_pack where id = ?", String.class, id).stream()
                .findFirst();
    }

    /** Copies the pack's bytes to the stream; false when there is no such pack. */
    boolean writeTo(long id, OutputStream out) {
        var found = jdbc.query(
                "select content from evidence_pack where id = ?",
                (ResultSet rs) -> {
                    if (!rs.next()) {
                        return false;
                    }
                    try (var in = rs.getBinaryStream(1)) {
                        in.transferTo(out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return true;
                },
                id);
        return Boolean.TRUE.equals(found);
    }

    List<PackSummary> expired(Instant asOf) {
        return jdbc.query(
                "select " + COLUMNS + " from evidence_pack where retain_until < ? order by id",
                SUMMARY,
                SqlTime.of(asOf));
    }

    void delete(long id) {
        jdbc.update("delete from evidence_pack where id = ?", id);
    }

    private static final RowMapper<PackSummary> SUMMARY = Locker::summary;

    private static PackSummary summary(ResultSet rs, int row) throws SQLException {
        return new PackSummary(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                List.of(rs.getString(4).split("\n")),
                rs.getDate(5).toLocalDate(),
                rs.getDate(6).toLocalDate(),
                SqlTime.require(rs, 7),
                rs.getString(8),
                nullableLong(rs, 9),
                rs.getString(10),
                rs.getLong(11),
                SqlTime.require(rs, 12));
    }

    private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
        var value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
