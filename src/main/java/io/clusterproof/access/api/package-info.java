@NullMarked
package io.clusterproof.access.api;

import org.jspecify.annotations.NullMarked;
