package io.clusterproof;

import io.clusterproof.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ClusterProofApplication {

    /** {@code scan} and {@code checks} run headless, without the web server or the database. */
    public static void main(String[] args) {
        if (Cli.isCommand(args)) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        SpringApplication.run(ClusterProofApplication.class, args);
    }
}
