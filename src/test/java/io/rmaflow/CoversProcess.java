package io.rmaflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The process a {@code *ProcessTest} class covers completely: its paths may start instances of
 * other processes (a case under a service contract), which the class's coverage gate leaves to
 * their own process tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface CoversProcess {

  /** The process key, which is also the model's file name under {@code bpmn/}. */
  String value();
}
