package io.clusterproof.assessment;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param systemNamespaces namespaces no framework applies to (only cluster-wide checks look at them)
 */
@ConfigurationProperties("clusterproof.assessment")
public record AssessmentProperties(
        @DefaultValue({"kube-system", "kube-public", "kube-node-lease"})
        List<String> systemNamespaces) {}
