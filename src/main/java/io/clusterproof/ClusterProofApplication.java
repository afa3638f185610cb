package io.clusterproof;

import io.clusterproof.cli.AdminCommands;
import io.clusterproof.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
public class ClusterProofApplication {

    /**
     * {@code scan} and {@code checks} run headless, without the web server or the database; {@code
     * token} and {@code audit} use the configured database, without the web server.
     */
    public static void main(String[] args) {
        if (Cli.isCommand(args)) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        if (AdminCommands.isCommand(args)) {
            System.exit(AdminCommands.run(args, ClusterProofApplication::withoutWebServer, System.out, System.err));
        }
        SpringApplication.run(ClusterProofApplication.class, args);
    }

    /** The application for a one-off command: no web server, no demo, no replay of pending events. */
    static ConfigurableApplicationContext withoutWebServer(String[] args) {
        return new SpringApplicationBuilder(ClusterProofApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.main.banner-mode=off",
                        "logging.level.root=WARN",
                        "clusterproof.demo.enabled=false",
                        "spring.modulith.events.republish-outstanding-events-on-restart=false")
                .run(args);
    }
}
