package io.clusterproof;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ClusterProofApplication {
    public static void main(String[] args) {
        SpringApplication.run(ClusterProofApplication.class, args);
    }
}
