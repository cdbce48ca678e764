package io.rmaflow.support;

import java.lang.reflect.Field;

/**
 * Reads what an engine command was given (its task id, variables, user), for the guards that
 * decide before the command runs, and what a migrating instance is about to drop. The engine
 * keeps these in protected fields;
 * Camunda 7.24 is the last Community release, and the guards' tests fail if a field moves.
 */
public final class CommandFields {

  private CommandFields() {}

  @SuppressWarnings("unchecked")
  public static <V> V read(Object command, String name) {
    for (Class<?> type = command.getClass(); type != Object.class; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return (V) field.get(command);
      } catch (NoSuchFieldException e) {
        // declared further up
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
      }
    }
    throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
  }
}
