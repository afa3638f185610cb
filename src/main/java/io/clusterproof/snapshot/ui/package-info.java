@NullMarked
package io.clusterproof.snapshot.ui;

import org.jspecify.annotations.NullMarked;
