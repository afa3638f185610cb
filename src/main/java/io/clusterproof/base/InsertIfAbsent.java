package io.clusterproof.base;

import java.util.Collections;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An insert that keeps the row already there when its key is taken, in the words of the database
 * at hand. Two transactions that insert the same key at once (two server instances storing one
 * body, an agent's retried upload racing its first attempt) then both succeed: the second waits
 * for the first and keeps its row, where a plain insert fails on the key once the first commits.
 */
public final class InsertIfAbsent {

    private InsertIfAbsent() {}

    /**
     * The statement for {@code table}, its parameters in the order of {@code columns}.
     *
     * @param key the columns of the table's primary key, all of them among {@code columns}
     */
    public static String statement(JdbcTemplate jdbc, String table, String key, String columns) {
        var parameters = String.join(", ", Collections.nCopies(columns.split(",").length, "?"));
        return DatabaseProduct.isH2(jdbc)
                // H2 has no ON CONFLICT; its MERGE waits for the other insert and rewrites the same values
                ? "merge into " + table + " (" + columns + ") key (" + key + ") values (" + parameters + ")"
                : "insert into " + table + " (" + columns + ") values (" + parameters + ") on conflict (" + key
                        + ") do nothing";
    }
}
