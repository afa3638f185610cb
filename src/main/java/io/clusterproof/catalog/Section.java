package io.clusterproof.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A part of a framework that groups controls (HIPAA 164.312, PCI requirement 1, GDPR chapter IV). */
public record Section(
        @JsonProperty("id") String id,
        @JsonProperty("title") String title) {}
