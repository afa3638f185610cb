@NullMarked
package io.clusterproof.drift.ui;

import org.jspecify.annotations.NullMarked;
