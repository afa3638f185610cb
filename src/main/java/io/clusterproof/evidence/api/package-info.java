@NullMarked
package io.clusterproof.evidence.api;

import org.jspecify.annotations.NullMarked;
