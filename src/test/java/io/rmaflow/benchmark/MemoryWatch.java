package io.rmaflow.benchmark;

import io.rmaflow.benchmark.Benchmark.App;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples the app's heap (actuator metrics) and resident memory (/proc) while it runs, and spots OOMs. */
final class MemoryWatch {

  record Summary(double peakHeapMb, double peakRssMb, boolean outOfMemory, int appExits) {}

  private final Benchmark benchmark;
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "memory-watch");
    thread.setDaemon(true);
    return thread;
  });
  private volatile App app;
  private volatile boolean stopping;
  private double peakHeapMb;
  private double peakRssMb;
  private boolean outOfMemory;
  private int appExits;

  MemoryWatch(Benchmark benchmark) {
    this.benchmark = benchmark;
    sampler.scheduleWithFixedDelay(this::sample, 1, 2, TimeUnit.SECONDS);
  }

  void watch(App started) {
    stopping = false;
    app = started;
  }

  synchronized void sample() {
    App current = app;
    if (current == null || stopping) {
      return;
    }
    if (!current.process().isAlive()) {
      appExits++;
      stopping = true;
      return;
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + current.process().pid() + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          peakRssMb = Math.max(peakRssMb, Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
        }
      }
      var answer = benchmark.call("admin", "GET", "/api/actuator/metrics/jvm.memory.used?tag=area:heap", null);
      if (answer.status() == 200) {
        peakHeapMb = Math.max(peakHeapMb, answer.body().path("measurements").get(0).path("value").asDouble() / 1048576.0);
      }
    } catch (IOException | RuntimeException notNow) {
      // The app may be stopping between two samples; the next sample or the log check tells.
    }
  }

  /** Called as the app is stopped on purpose. */
  synchronized void checkLog(Path log) throws IOException {
    stopping = true;
    if (Files.readString(log).contains("OutOfMemoryError")) {
      outOfMemory = true;
    }
  }

  synchronized Summary summary() throws IOException {
    sample();
    if (app != null) {
      checkLog(app.log());
    }
    sampler.shutdownNow();
    return new Summary(peakHeapMb, peakRssMb, outOfMemory, appExits);
  }
}
