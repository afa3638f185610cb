package io.clusterproof.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Copies stored rows with some columns replaced, for benchmarks that need more history than the
 * pipeline can make in time. The columns are read from the table itself, so a column a later
 * migration adds is copied too.
 */
final class FleetRows {

    private final JdbcTemplate jdbc;
    private final Map<String, List<String>> columns = new HashMap<>();

    FleetRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Copies the row with that id; returns the copy's generated id. */
    long copy(String table, long id, Map<String, Object> replaced) {
        var insert = insert(table, replaced);
        var keys = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var statement = connection.prepareStatement(insert.sql() + " where id = ?", new String[] {"id"});
                    int i = 1;
                    for (var value : insert.args()) {
                        statement.setObject(i++, value);
                    }
                    statement.setLong(i, id);
                    return statement;
                },
                keys);
        return Objects.requireNonNull(keys.getKey(), "the insert returns the generated id")
                .longValue();
    }

    /** Copies every row whose {@code column} is {@code value}; returns how many. */
    int copyWhere(String table, String column, long value, Map<String, Object> replaced) {
        var insert = insert(table, replaced);
        var args = new ArrayList<>(insert.args());
        args.add(value);
        return jdbc.update(insert.sql() + " where " + column + " = ?", args.toArray());
    }

    private List<String> columnsOf(String table) {
        var names = new ArrayList<String>();
        // an extractor, not a row callback: the result is empty, only its columns are wanted
        jdbc.query("select * from " + table + " where 1 = 0", (ResultSetExtractor<Void>) rs -> {
            var meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            return null;
        });
        return names;
    }

    private record Insert(String sql, List<Object> args) {}

    private Insert insert(String table, Map<String, Object> replaced) {
        var columns = this.columns.computeIfAbsent(table, this::columnsOf);
        var names = new ArrayList<String>();
        var values = new ArrayList<String>();
        var args = new ArrayList<Object>();
        for (var column : columns) {
            if (column.equals("id")) {
                continue;
            }
            names.add(column);
            if (replaced.containsKey(column)) {
                values.add("?");
                args.add(replaced.get(column));
            } else {
                values.add(column);
            }
        }
        if (!columns.containsAll(replaced.keySet())) {
            throw new IllegalArgumentException(table + " has no column among " + replaced.keySet());
        }
        return new Insert(
                "insert into " + table + " (" + String.join(", ", names) + ") select " + String.join(", ", values)
                        + " from " + table,
                args);
    }
}
