@NullMarked
package io.clusterproof;

import org.jspecify.annotations.NullMarked;
