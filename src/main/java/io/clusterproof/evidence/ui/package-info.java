@NullMarked
package io.clusterproof.evidence.ui;

import org.jspecify.annotations.NullMarked;
