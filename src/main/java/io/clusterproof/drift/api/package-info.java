@NullMarked
package io.clusterproof.drift.api;

import org.jspecify.annotations.NullMarked;
