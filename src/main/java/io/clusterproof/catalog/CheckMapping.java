package io.clusterproof.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A check that provides evidence for a control, and why it does. */
public record CheckMapping(
        @JsonProperty("id") String id, @JsonProperty("why") String why) {}
