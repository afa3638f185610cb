@NullMarked
package io.clusterproof.assessment.api;

import org.jspecify.annotations.NullMarked;
