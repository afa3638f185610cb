@NullMarked
package io.clusterproof.remediation.ui;

import org.jspecify.annotations.NullMarked;
