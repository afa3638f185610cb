@NullMarked
package io.clusterproof.snapshot.api;

import org.jspecify.annotations.NullMarked;
