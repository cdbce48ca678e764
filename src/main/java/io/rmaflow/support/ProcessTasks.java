package io.rmaflow.support;

import java.util.List;

/**
 * The user tasks of one process, as the module that owns the process lists them. Each module
 * with a process provides one as a bean, so that what serves every task (forms, Tasklist)
 * knows them all without depending on every module.
 */
public interface ProcessTasks {

  List<? extends FormTask> tasks();
}
