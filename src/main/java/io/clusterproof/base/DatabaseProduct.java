package io.clusterproof.base;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Which database is behind a data source, for the few places where the two behave differently. */
public final class DatabaseProduct {

    private DatabaseProduct() {}

    /** Whether it is the embedded H2 database, which works in this JVM's heap. */
    public static boolean isH2(JdbcTemplate jdbc) {
        try {
            return JdbcUtils.extractDatabaseMetaData(
                            Objects.requireNonNull(jdbc.getDataSource(), "a JdbcTemplate with a DataSource"),
                            DatabaseMetaData::getDatabaseProductName)
                    .toLowerCase(Locale.ROOT)
                    .contains("h2");
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("the database's product name cannot be read", e);
        }
    }
}
