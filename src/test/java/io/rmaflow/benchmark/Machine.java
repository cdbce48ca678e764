package io.rmaflow.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/** What the figures were measured on. */
record Machine(String cpu, int cores, String memory, String os, String java, String postgres) {

  static Machine describe(String postgresUrl) throws SQLException {
    String cpu = lineValue(Path.of("/proc/cpuinfo"), "model name", System.getProperty("os.arch"));
    long memoryKb = Long.parseLong(lineValue(Path.of("/proc/meminfo"), "MemTotal", "0 kB").split("\\s+")[0]);
    String os = lineValue(Path.of("/etc/os-release"), "PRETTY_NAME", System.getProperty("os.name")).replace("\"", "")
        + ", kernel " + System.getProperty("os.version");
    String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    String postgres;
    try (Connection connection = DriverManager.getConnection(postgresUrl + "postgres", "postgres", "");
        ResultSet rows = connection.createStatement().executeQuery("SHOW server_version")) {
      rows.next();
      postgres = "PostgreSQL " + rows.getString(1).split(" ")[0];
    }
    return new Machine(cpu, Runtime.getRuntime().availableProcessors(),
        String.format(Locale.ROOT, "%.1f GB", memoryKb / 1024.0 / 1024.0), os, java, postgres);
  }

  private static String lineValue(Path file, String key, String otherwise) {
    try {
      return Files.readAllLines(file).stream().filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(line.contains(":") && !line.contains("=") ? ':' : '=') + 1).trim())
          .findFirst().orElse(otherwise);
    } catch (IOException unreadable) {
      return otherwise;
    }
  }
}
