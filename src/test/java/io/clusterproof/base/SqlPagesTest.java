package io.clusterproof.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class SqlPagesTest {

    private final JdbcTemplate jdbc =
            new JdbcTemplate(new SingleConnectionDataSource("jdbc:h2:mem:sql-pages;DB_CLOSE_DELAY=-1", true));

    @Test
    void a_page_holds_its_rows_in_order_and_knows_how_many_rows_match_in_all() {
        jdbc.execute("create table if not exists item (id bigint primary key, shelf varchar(10))");
        jdbc.update("delete from item");
        for (int id = 1; id <= 7; id++) {
            jdbc.update("insert into item (id, shelf) values (?, ?)", id, id == 6 ? "other" : "main");
        }

        var page = SqlPages.page(
                jdbc,
                PageRequest.of(1, 2),
                "select count(*) from item where shelf = ?",
                "select id from item where shelf = ? order by id desc",
                (rs, i) -> rs.getLong("id"),
                "main");

        assertThat(page.getContent()).containsExactly(4L, 3L);
        assertThat(page.getTotalElements()).isEqualTo(6);
        assertThat(page.getTotalPages()).isEqualTo(3);
    }
}
