package io.clusterproof.demo;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled the demo's users, cluster, history and work at first start (the demo profile)
 * @param directory where the demo manifests are unpacked; edit them and collect again to see drift
 * @param historyDays days of daily history to generate before today
 */
@ConfigurationProperties("clusterproof.demo")
record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("data/demo-cluster") Path directory,
        @DefaultValue("60") int historyDays) {}
