package io.rmaflow.support;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A user task of a process's contract: its id (the task definition key), the group that works
 * it, and the variables its Camunda Form collects. Its form is {@code forms/<kebab-case id>.form}
 * with id {@code <id>Form}, referenced by {@code camunda:formRef}. The processes list their
 * tasks as enums that hold a {@link Definition}.
 */
public interface FormTask {

  /** What a user task is, as its process's contract names it. */
  record Definition(String id, String candidateGroup, List<ProcessVariable<?>> outputs) {}

  Definition definition();

  default String id() {
    return definition().id();
  }

  default String candidateGroup() {
    return definition().candidateGroup();
  }

  default List<ProcessVariable<?>> outputs() {
    return definition().outputs();
  }

  /** The Camunda Form's id, referenced by {@code camunda:formRef}. */
  default String formId() {
    return id() + "Form";
  }

  /** The form's resource: {@code forms/<kebab-case id>.form}. */
  default String formResource() {
    return "forms/" + id().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase() + ".form";
  }

  /** The task of {@code tasks} with this id. */
  static <T extends FormTask> Optional<T> byId(T[] tasks, String id) {
    return Stream.of(tasks).filter(task -> task.id().equals(id)).findFirst();
  }
}
