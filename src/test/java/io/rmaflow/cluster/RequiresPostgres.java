package io.rmaflow.cluster;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that needs a PostgreSQL server (see {@link PostgresServer}): skipped with
 * a plain explanation when none answers, except in CI ({@code CI=true}), where it fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresServer.class)
public @interface RequiresPostgres {}
