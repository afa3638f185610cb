/** What every REST endpoint shares: errors as problem details and the OpenAPI description. */
@NullMarked
package io.clusterproof.base.api;

import org.jspecify.annotations.NullMarked;
