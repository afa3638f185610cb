@NullMarked
package io.clusterproof.access.ui;

import org.jspecify.annotations.NullMarked;
