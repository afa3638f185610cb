package io.clusterproof.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.annotation.Propagation;

/**
 * A module listener (asynchronous, after the publisher's commit) with no transaction around it,
 * for work that commits in transactions of its own: holding a connection for an idle outer
 * transaction meanwhile starves the pool ({@code OneConnectionTest}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
public @interface ListenerWithoutTransaction {}
