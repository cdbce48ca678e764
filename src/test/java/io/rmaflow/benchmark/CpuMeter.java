package io.rmaflow.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU time spent by the app, PostgreSQL and the load generator, read from Linux's {@code /proc},
 * so that a throughput can be told apart from what a case costs: on a saturated machine the
 * cores divided by the CPU seconds per case is the ceiling no setting lifts.
 */
final class CpuMeter {

  /** USER_HZ, the unit of {@code /proc/<pid>/stat}'s times; 100 on every Linux architecture Java runs on. */
  static final double TICKS_PER_SECOND = 100;

  record Sample(double app, double postgres, double loadGenerator) {

    Sample minus(Sample earlier) {
      return new Sample(app - earlier.app, postgres - earlier.postgres, loadGenerator - earlier.loadGenerator);
    }

    Sample per(double count) {
      return new Sample(app / count, postgres / count, loadGenerator / count);
    }

    double total() {
      return app + postgres + loadGenerator;
    }

    /** In milliseconds, the unit per request or case. */
    String describe() {
      return String.format(Locale.ROOT, "%.0f ms (app %.0f, PostgreSQL %.0f, load generator %.0f)",
          1000 * total(), 1000 * app, 1000 * postgres, 1000 * loadGenerator);
    }
  }

  static boolean available() {
    return Files.isReadable(Path.of("/proc/self/stat"));
  }

  /**
   * Backends of connections closed within a measurement take their time with them; the app's
   * pool and the benchmark's own connection stay open, so nearly all of it is counted.
   */
  static Sample sample(long appPid) {
    double postgres = 0;
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process : (Iterable<Path>) processes::iterator) {
        String name = process.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit) && isPostgres(process)) {
          postgres += seconds(process);
        }
      }
    } catch (IOException unreadable) {
      throw new IllegalStateException("cannot list /proc", unreadable);
    }
    double loadGenerator = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9;
    return new Sample(seconds(Path.of("/proc", Long.toString(appPid))), postgres, loadGenerator);
  }

  private static boolean isPostgres(Path process) {
    try {
      String commandLine = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
      String program = commandLine.split("[\\x00 ]", 2)[0];
      // The server's own path, or a backend's or helper's title ("postgres: user db ...").
      return program.equals("postgres:") || program.endsWith("/postgres");
    } catch (IOException gone) {
      return false;
    }
  }

  /** utime + stime of a process; 0 for one that ended meanwhile. */
  private static double seconds(Path process) {
    try {
      String stat = Files.readString(process.resolve("stat"));
      // The command name in parentheses may hold spaces; the fields after it are fixed.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  private CpuMeter() {}
}
