@NullMarked
package io.clusterproof.remediation.api;

import org.jspecify.annotations.NullMarked;
