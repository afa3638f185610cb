/**
 * The {@code agent} command: runs inside a cluster, collects it with the server's own collector,
 * and pushes signed snapshots to a ClusterProof server over its REST API.
 */
@NullMarked
package io.clusterproof.cli.agent;

import org.jspecify.annotations.NullMarked;
