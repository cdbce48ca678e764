package io.rmaflow.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed process variable. Values are stored in the engine in the form that Tasklist
 * forms, FEEL and timer expressions read directly: enums as their names, dates and times
 * as ISO-8601 strings, money as decimal strings; this accessor converts both ways.
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Class<T> type;

  private ProcessVariable(String name, Class<T> type) {
    this.name = name;
    this.type = type;
  }

  public static <T> ProcessVariable<T> of(String name, Class<T> type) {
    return new ProcessVariable<>(name, type);
  }

  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  public T get(VariableScope scope) {
    return fromStored(scope.getVariable(name));
  }

  public T getOrDefault(VariableScope scope, T defaultValue) {
    T value = get(scope);
    return value == null ? defaultValue : value;
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, toStored(value));
  }

  /** Adds the value to a map of variables, e.g. to start a process or correlate a message. */
  public Map<String, Object> putInto(Map<String, Object> variables, T value) {
    variables.put(name, toStored(value));
    return variables;
  }

  public T fromStored(Object stored) {
    if (stored == null) {
      return null;
    }
    if (type.isInstance(stored)) {
      return type.cast(stored);
    }
    if (type.isEnum()) {
      return enumValue(stored.toString());
    }
    if (type == LocalDate.class) {
      return type.cast(LocalDate.parse(stored.toString()));
    }
    if (type == OffsetDateTime.class) {
      return type.cast(OffsetDateTime.parse(stored.toString()));
    }
    if (type == BigDecimal.class) {
      // Forms send numbers as Integer or Double; their decimal text is the exact value typed.
      return type.cast(new BigDecimal(stored.toString()));
    }
    if (type == Integer.class && stored instanceof Number number) {
      return type.cast(number.intValue());
    }
    if (type == Boolean.class && stored instanceof String text) {
      return type.cast(Boolean.valueOf(text));
    }
    if (type == String.class) {
      return type.cast(stored.toString());
    }
    throw new IllegalStateException(
        "Variable '" + name + "' holds " + stored.getClass().getSimpleName() + ", expected " + type.getSimpleName());
  }

  /** The value as stored in the scope, normalised (e.g. for display in a timeline). */
  public Object toStoredOf(VariableScope scope) {
    return toStored(get(scope));
  }

  public Object toStored(T value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof LocalDate || value instanceof OffsetDateTime) {
      return value.toString();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private T enumValue(String text) {
    return (T) Enum.valueOf((Class<? extends Enum>) type, text);
  }

  @Override
  public String toString() {
    return name;
  }
}
