@NullMarked
package io.clusterproof.catalog.ui;

import org.jspecify.annotations.NullMarked;
