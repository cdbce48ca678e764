package io.rmaflow.api;

import static io.rmaflow.process.RmaProcess.UserTask.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.process.RmaProcess.Elements;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Racing events on one case end it one way, and the loser is told which. */
@RmaSpringBootTest
class PaymentRaceTest {

  @Autowired TestRestTemplate http;
  @Autowired LifecycleDriver driver;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;
  ApiClient api;
  ExecutorService threads;

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    threads = Executors.newFixedThreadPool(2);
  }

  @AfterEach
  void tearDown() {
    threads.shutdownNow();
  }

  @RepeatedTest(3)
  void twoSimultaneousPaymentsAreTakenOnce() throws Exception {
    String rma = TestCases.quoted(api, driver);
    String gross = api.get("portal", "/api/rmas/{rma}", rma).getBody().path("quote").path("gross").asText();

    List<Integer> statuses = race(
        () -> pay(rma, "PAY-A-" + rma, gross).getStatusCode().value(),
        () -> pay(rma, "PAY-B-" + rma, gross).getStatusCode().value());
    driver.runAsyncSteps(rma);

    assertThat(statuses).containsExactlyInAnyOrder(202, 409);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE rma_number = ?").param(rma).query(Long.class).single()).isOne();
    assertThat(driver.task(rma, REPAIR_DEVICE)).isNotNull();
    assertThat(driver.task(rma, ISSUE_INVOICE)).isNotNull();
  }

  @RepeatedTest(3)
  void theSamePaymentSentTwiceAtOnceIsTakenOnceAndAcknowledgedTwice() throws Exception {
    String rma = TestCases.quoted(api, driver);
    String gross = api.get("portal", "/api/rmas/{rma}", rma).getBody().path("quote").path("gross").asText();

    List<Integer> statuses = race(
        () -> pay(rma, "PAY-" + rma, gross).getStatusCode().value(),
        () -> pay(rma, "PAY-" + rma, gross).getStatusCode().value());
    driver.runAsyncSteps(rma);

    assertThat(statuses).containsExactly(202, 202);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE rma_number = ?").param(rma).query(Long.class).single()).isOne();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM rma_timeline WHERE rma_number = ? AND event = 'PAYMENT_RECEIVED'")
        .param(rma).query(Long.class).single()).isOne();
  }

  @RepeatedTest(3)
  void aPaymentRacingTheOneMonthDeadlineEndsTheCaseOneWay() throws Exception {
    String rma = TestCases.quoted(api, driver);
    String gross = api.get("portal", "/api/rmas/{rma}", rma).getBody().path("quote").path("gross").asText();
    String timer = driver.timer(rma, Elements.PAYMENT_DEADLINE_TIMER).getId();

    List<Integer> outcomes = race(
        () -> pay(rma, "PAY-" + rma, gross).getStatusCode().value(),
        () -> {
          try {
            managementService.executeJob(timer);
            return 1;
          } catch (RuntimeException lostTheRace) {
            return 0;
          }
        });
    driver.runAsyncSteps(rma);

    JsonNode rmaCase = api.get("portal", "/api/rmas/{rma}", rma).getBody();
    boolean paid = outcomes.get(0) == HttpStatus.ACCEPTED.value();
    long payments = jdbc.sql("SELECT COUNT(*) FROM payment WHERE rma_number = ?").param(rma).query(Long.class).single();
    if (paid) {
      assertThat(payments).isOne();
      assertThat(rmaCase.path("status").asText()).isEqualTo("IN_REPAIR");
      assertThat(managementService.createJobQuery().jobId(timer).count()).isZero();
    } else {
      assertThat(outcomes.get(0)).isEqualTo(HttpStatus.CONFLICT.value());
      assertThat(outcomes.get(1)).isOne();
      assertThat(payments).isZero();
      assertThat(rmaCase.path("status").asText()).isEqualTo("AWAITING_RETURN_SHIPMENT");
    }
  }

  private ResponseEntity<JsonNode> pay(String rma, String reference, String amount) {
    return api.post("portal", "/api/rmas/{rma}/payments", Map.of("reference", reference, "amount", amount, "currency", "CNY"), rma);
  }

  /** Starts both at the same moment and waits, bounded, for both answers. */
  private List<Integer> race(Callable<Integer> first, Callable<Integer> second) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    Future<Integer> a = threads.submit(() -> {
      start.await();
      return first.call();
    });
    Future<Integer> b = threads.submit(() -> {
      start.await();
      return second.call();
    });
    start.countDown();
    return List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
  }
}
