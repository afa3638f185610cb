package io.clusterproof.base;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** A page of rows read with two statements: how many rows there are, and the page's rows in order. */
public final class SqlPages {

    private SqlPages() {}

    /**
     * @param count {@code select count(*) from ... where ...}
     * @param rows {@code select ... from ... where ... order by ...}, with the same parameters; the
     *     page's offset and size are added after them
     */
    public static <T> Page<T> page(
            JdbcTemplate jdbc, Pageable pageable, String count, String rows, RowMapper<T> mapper, Object... args) {
        var total = jdbc.queryForObject(count, Long.class, args);
        var pageArgs = new ArrayList<Object>(List.of(args));
        pageArgs.add(pageable.getOffset());
        pageArgs.add(pageable.getPageSize());
        var content = jdbc.query(rows + " offset ? rows fetch next ? rows only", mapper, pageArgs.toArray());
        return new PageImpl<>(content, pageable, total == null ? 0 : total);
    }
}
