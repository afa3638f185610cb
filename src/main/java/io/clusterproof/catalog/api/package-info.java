@NullMarked
package io.clusterproof.catalog.api;

import org.jspecify.annotations.NullMarked;
