package io.clusterproof.base;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings shared by every module. */
@ConfigurationProperties("clusterproof.base")
public record BaseProperties(@DefaultValue("UTC") ZoneId timeZone) {}
