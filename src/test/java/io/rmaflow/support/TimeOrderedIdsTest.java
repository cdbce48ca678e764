package io.rmaflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.TestClock;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@RmaSpringBootTest
class TimeOrderedIdsTest {

  private static final String ULID = "[0-9a-hjkmnp-tv-z]{26}";

  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired LifecycleDriver driver;
  @Autowired HistoryService historyService;

  @Test
  void theEngineNamesACasesRowsWithUlids() {
    assertThat(engine.getIdGenerator()).isInstanceOf(TimeOrderedIds.class);
    String rma = driver.submit(Applications.withInvoice(TestClock.today().minusMonths(1))).getBusinessKey();

    assertThat(driver.processInstanceId(rma)).matches(ULID);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(driver.processInstanceId(rma))
        .list()).isNotEmpty().allSatisfy(activity -> {
          // An activity instance's id is its element's id, a colon and a generated id.
          assertThat(activity.getId()).matches(activity.getActivityId() + ":" + ULID);
          assertThat(activity.getExecutionId()).matches(ULID);
        });
  }

  @Test
  void idsFollowTheOrderTheyWereMadeInAndNeverRepeatAcrossThreads() throws Exception {
    TimeOrderedIds ids = new TimeOrderedIds();
    List<String> inOrder = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      inOrder.add(ids.getNextId());
    }
    assertThat(inOrder).isSorted().doesNotHaveDuplicates();

    Set<String> made = ConcurrentHashMap.newKeySet();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        work.add(threads.submit(() -> {
          for (int i = 0; i < 10_000; i++) {
            made.add(ids.getNextId());
          }
        }));
      }
      for (Future<?> done : work) {
        done.get();
      }
    } finally {
      threads.shutdown();
    }
    assertThat(made).hasSize(80_000);
  }
}
