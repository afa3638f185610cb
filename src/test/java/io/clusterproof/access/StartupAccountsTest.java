package io.clusterproof.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterproof.ClusterProofApplication;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Starts the application the way an operator would, on a database that outlives one start. */
class StartupAccountsTest {

    @TempDir
    Path demoDirectory;

    private final String database = "jdbc:h2:mem:startup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Test
    void the_first_start_creates_admin_and_the_demo_creates_one_user_per_role() {
        try (var context = start("demo")) {
            var roles = context.getBean(JdbcTemplate.class)
                    .queryForList("select distinct role from user_account where demo = true", String.class);
            assertThat(roles).containsExactlyInAnyOrder("AUDITOR", "ENGINEER", "OFFICER", "ADMIN");
            assertThat(context.getBean(JdbcTemplate.class)
                            .queryForObject(
                                    "select count(*) from user_account where username = 'admin'", Integer.class))
                    .isEqualTo(1);
        }
    }

    @Test
    void the_prod_profile_refuses_to_start_while_demo_users_exist() {
        start("demo").close();

        assertThatThrownBy(() -> start("prod").close())
                .hasStackTraceContaining("refuses to start: demo users")
                .hasStackTraceContaining("auditor");
    }

    @Test
    void the_prod_profile_starts_on_a_clean_database() {
        try (var context = start("prod")) {
            assertThat(context.isRunning()).isTrue();
        }
    }

    private ConfigurableApplicationContext start(String profile) {
        return new SpringApplicationBuilder(ClusterProofApplication.class)
                .web(WebApplicationType.SERVLET)
                .profiles(profile)
                // arguments outrank every profile file, so this database is used even in the PostgreSQL pass
                .run(
                        // any free port: the suite must pass while the demo runs on 8080
                        "--server.port=0",
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=sa",
                        "--spring.datasource.password=",
                        // the demo profile also prepares its cluster in the background: away from the working copy
                        "--clusterproof.demo.directory=" + demoDirectory,
                        "--clusterproof.demo.history-days=0");
    }
}
