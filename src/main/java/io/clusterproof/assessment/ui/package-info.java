@NullMarked
package io.clusterproof.assessment.ui;

import org.jspecify.annotations.NullMarked;
