@NullMarked
@NamedInterface("ui")
package io.clusterproof.base.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
