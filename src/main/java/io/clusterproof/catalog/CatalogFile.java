package io.clusterproof.catalog;

/**
 * A file of a catalog folder.
 *
 * @param display how problems name it, e.g. {@code compliance-mappings/checks/host-network/check.yaml}
 * @param relative the path inside its catalog folder, e.g. {@code checks/host-network/check.yaml}
 */
public record CatalogFile(String display, String relative, String content) {}
