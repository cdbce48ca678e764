package io.rmaflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.rmaflow.sla.WorkingTimeCalendar;
import io.rmaflow.support.Price;
import io.rmaflow.support.RmaProperties;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The billing arithmetic of service contracts, to the cent (ADR 17): periods by billing kind,
 * due dates, pro-rata months and years, tax at 13 %, late fees of 0.05 % a calendar day, and
 * the balance a payment must carry. Expected figures are worked out by hand in the comments.
 */
class ContractBillingTest {

  static final BigDecimal TAX = new BigDecimal("0.13");

  /** "from..to net tax gross dueOn" per period. */
  private static List<String> plan(Billing billing, String startsOn, String endsOn, String fee) {
    return BillingSchedule.periods(billing, LocalDate.parse(startsOn), LocalDate.parse(endsOn), new BigDecimal(fee), TAX,
            "CNY").stream()
        .map(period -> period.from() + ".." + period.to() + " " + period.price().net() + " " + period.price().tax() + " "
            + period.price().gross() + " " + period.dueOn())
        .toList();
  }

  private static List<String> expected(String periods) {
    return Arrays.stream(periods.split(";")).map(String::trim).toList();
  }

  @Nested
  class MonthlyPeriods {

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource(delimiter = '|', textBlock = """
        # full months; 2026-12-05 is a Saturday and 2027-02-05 a Friday: the due date is the 5th either way
        2026-12-01 | 2027-02-28 | 2026-12-01..2026-12-31 100.00 13.00 113.00 2026-12-05; 2027-01-01..2027-01-31 100.00 13.00 113.00 2027-01-05; 2027-02-01..2027-02-28 100.00 13.00 113.00 2027-02-05
        # a first month of one day (1/31 = 3.23, tax 0.42) is due on that day; the last month 30/31 = 96.77, tax 12.58
        2027-01-31 | 2027-03-30 | 2027-01-31..2027-01-31 3.23 0.42 3.65 2027-01-31; 2027-02-01..2027-02-28 100.00 13.00 113.00 2027-02-05; 2027-03-01..2027-03-30 96.77 12.58 109.35 2027-03-05
        # a leap February: 15 of 29 days = 51.72; a last month ending before the 5th is due on its last day (3/31 = 9.68)
        2028-02-15 | 2028-03-03 | 2028-02-15..2028-02-29 51.72 6.72 58.44 2028-02-15; 2028-03-01..2028-03-03 9.68 1.26 10.94 2028-03-03
        # a common February: 14 of 28 days is half the fee
        2027-02-15 | 2027-02-28 | 2027-02-15..2027-02-28 50.00 6.50 56.50 2027-02-15
        # a whole leap February is a whole month
        2028-02-01 | 2028-02-29 | 2028-02-01..2028-02-29 100.00 13.00 113.00 2028-02-05
        # starting on the 5th: 27/31 = 87.10, due that day; April 1-4 of 30 days = 13.33
        2027-03-05 | 2027-04-04 | 2027-03-05..2027-03-31 87.10 11.32 98.42 2027-03-05; 2027-04-01..2027-04-04 13.33 1.73 15.06 2027-04-04
        # a one-day term
        2027-06-10 | 2027-06-10 | 2027-06-10..2027-06-10 3.33 0.43 3.76 2027-06-10
        """)
    void eachCalendarMonthOfTheTermIsAPeriodDueOnTheFifthAndPartMonthsCostTheirShareOfDays(String startsOn, String endsOn,
        String periods) {
      assertThat(plan(Billing.MONTHLY, startsOn, endsOn, "100.00")).containsExactlyElementsOf(expected(periods));
    }

    @Test
    void aFifthOnANationalHolidayStaysTheDueDate() {
      // 2027-10-05 falls in the National Day holidays (October 1-7).
      assertThat(plan(Billing.MONTHLY, "2027-10-01", "2027-10-31", "100.00"))
          .containsExactly("2027-10-01..2027-10-31 100.00 13.00 113.00 2027-10-05");
    }
  }

  @Nested
  class AnnualAndOncePeriods {

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource(delimiter = '|', textBlock = """
        # two whole years, the second with 2028-02-29 in it: each is due on its first day
        2026-12-01 | 2028-11-30 | 2026-12-01..2027-11-30 1200.00 156.00 1356.00 2026-12-01; 2027-12-01..2028-11-30 1200.00 156.00 1356.00 2027-12-01
        # half a year: 182 of 365 days = 598.36, tax 77.79
        2026-12-01 | 2027-05-31 | 2026-12-01..2027-05-31 598.36 77.79 676.15 2026-12-01
        # a year and a month: the first year holds 2028-02-29 and is whole; the month is 30 of 365 days = 98.63
        2027-06-01 | 2028-06-30 | 2027-06-01..2028-05-31 1200.00 156.00 1356.00 2027-06-01; 2028-06-01..2028-06-30 98.63 12.82 111.45 2028-06-01
        # a year from a leap day ends the day before its anniversary, 2029-02-28
        2028-02-29 | 2029-02-27 | 2028-02-29..2029-02-27 1200.00 156.00 1356.00 2028-02-29
        """)
    void eachYearOfTheTermIsAPeriodPaidBeforeItStarts(String startsOn, String endsOn, String periods) {
      assertThat(plan(Billing.ANNUAL, startsOn, endsOn, "1200.00")).containsExactlyElementsOf(expected(periods));
    }

    @Test
    void aOnceBilledTermIsOnePeriodDueOnItsFirstDayWhateverItsLength() {
      assertThat(plan(Billing.ONCE, "2026-12-01", "2027-11-30", "1000.00"))
          .containsExactly("2026-12-01..2027-11-30 1000.00 130.00 1130.00 2026-12-01");
      assertThat(plan(Billing.ONCE, "2026-12-20", "2027-01-10", "333.33"))
          .containsExactly("2026-12-20..2027-01-10 333.33 43.33 376.66 2026-12-20");
    }

    @Test
    void aTermThatEndsBeforeItStartsIsRefused() {
      assertThatIllegalArgumentException().isThrownBy(() -> plan(Billing.MONTHLY, "2027-01-02", "2027-01-01", "100.00"));
    }
  }

  @Nested
  class LateFees {

    @ParameterizedTest(name = "{0} due {1}, on {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
        113.00  | 2026-12-05 | 2026-12-04 | 0.00
        113.00  | 2026-12-05 | 2026-12-05 | 0.00
        # one day: 113.00 x 0.0005 = 0.0565
        113.00  | 2026-12-05 | 2026-12-06 | 0.06
        # thirty days: 1.695, rounded once (thirty rounded days would make 1.80)
        113.00  | 2026-12-05 | 2027-01-04 | 1.70
        # over a leap February: 24 + 6 = 30 days
        113.00  | 2028-02-05 | 2028-03-06 | 1.70
        # over a common February: 23 + 6 = 29 days, 1.6385
        113.00  | 2027-02-05 | 2027-03-06 | 1.64
        # half a cent rounds up
        1130.00 | 2026-12-31 | 2027-01-01 | 0.57
        # over a year end: 2026-12-05 to 2027-12-05 is 365 days, 20.6225
        113.00  | 2026-12-05 | 2027-12-05 | 20.62
        """)
    void anUnpaidAmountRunsUpAFeeForEveryCalendarDayAfterItsDueDate(String amount, String dueOn, String on, String fee) {
      assertThat(BillingSchedule.lateFee(new BigDecimal(amount), LocalDate.parse(dueOn), LocalDate.parse(on),
          new BigDecimal("0.0005"))).isEqualTo(fee);
    }
  }

  @Nested
  class Balances {

    final ContractBilling billing = new ContractBilling(new Binder(new MapConfigurationPropertySource(Map.of()))
        .bindOrCreate("rma", RmaProperties.class));

    /** December 2026 to February 2027 at 113.00 a month, each period open 7 days before its due date. */
    List<ContractPeriod> threeMonths(boolean decemberPaidBeforeRegistration) {
      return List.of(
          period(1, "2026-12-01", "2026-12-31", "2026-12-05", decemberPaidBeforeRegistration),
          period(2, "2027-01-01", "2027-01-31", "2027-01-05", false),
          period(3, "2027-02-01", "2027-02-28", "2027-02-05", false));
    }

    ContractPeriod period(long id, String from, String to, String dueOn, boolean paidBefore) {
      LocalDate due = LocalDate.parse(dueOn);
      return new ContractPeriod(id, 1, LocalDate.parse(from), LocalDate.parse(to), Price.ofNet(new BigDecimal("100.00"), TAX,
          "CNY"), due, due.minusDays(7), null, null, null, paidBefore);
    }

    @Test
    void nothingIsDueBeforeTheFirstPeriodOpens() {
      ContractBilling.Balance balance = billing.balance(threeMonths(false), "CNY", LocalDate.parse("2026-11-27"));
      assertThat(balance.due()).isEqualTo("0.00");
      assertThat(balance.payable()).isEmpty();
      assertThat(balance.paidThrough()).isNull();
    }

    @Test
    void anOpenPeriodIsPayableBeforeItIsDueWithoutAFee() {
      ContractBilling.Balance balance = billing.balance(threeMonths(false), "CNY", LocalDate.parse("2026-11-28"));
      assertThat(balance.due()).isEqualTo("113.00");
      assertThat(balance.payable()).extracting(ContractPeriod::id).containsExactly(1L);
    }

    @Test
    void theAmountDueIsEveryOpenPeriodWithTheFeesOfThoseOverdue() {
      // On 2027-01-10: December is 36 days late (2.034 -> 2.03 at 0.0005 x 113.00 x 36), January 5 days (0.2825 -> 0.28).
      ContractBilling.Balance balance = billing.balance(threeMonths(false), "CNY", LocalDate.parse("2027-01-10"));
      assertThat(balance.payable()).extracting(ContractPeriod::id).containsExactly(1L, 2L);
      assertThat(balance.overdueLateFees()).isEqualTo("2.31");
      assertThat(balance.due()).isEqualTo("228.31");
      assertThat(balance.periods()).extracting(ContractBilling.Line::lateFee)
          .containsExactly(new BigDecimal("2.03"), new BigDecimal("0.28"), new BigDecimal("0.00"));
    }

    @Test
    void aPaymentSettlesOverduePeriodsTogetherWithTheNextOnceThatIsOpen() {
      // On 2026-12-30 December is 25 days late (1.4125 -> 1.41) and January has opened on 2026-12-29.
      ContractBilling.Balance balance = billing.balance(threeMonths(false), "CNY", LocalDate.parse("2026-12-30"));
      assertThat(balance.payable()).extracting(ContractPeriod::id).containsExactly(1L, 2L);
      assertThat(balance.due()).isEqualTo("227.41");
    }

    @Test
    void aContractMovedOverOwesOnlyThePeriodsAfterItsPaidUntil() {
      ContractBilling.Balance balance = billing.balance(threeMonths(true), "CNY", LocalDate.parse("2027-01-03"));
      assertThat(balance.paidThrough()).isEqualTo("2026-12-31");
      assertThat(balance.payable()).extracting(ContractPeriod::id).containsExactly(2L);
      assertThat(balance.due()).isEqualTo("113.00");
      assertThat(balance.periods().get(0).lateFee()).isNull();
    }

    @Test
    void aPaidPeriodShowsTheFeeItsPaymentCarried() {
      ContractPeriod december = period(1, "2026-12-01", "2026-12-31", "2026-12-05", false);
      ContractPeriod paid = new ContractPeriod(1, 1, december.from(), december.to(), december.price(), december.dueOn(),
          december.opensOn(), OffsetDateTime.parse("2026-12-10T10:00:00+08:00"), new BigDecimal("0.28"), "PAY-1", false);
      ContractBilling.Balance balance = billing.balance(List.of(paid), "CNY", LocalDate.parse("2027-03-01"));
      assertThat(balance.due()).isEqualTo("0.00");
      assertThat(balance.overdueLateFees()).isEqualTo("0.00");
      assertThat(balance.periods().get(0).lateFee()).isEqualTo("0.28");
      assertThat(balance.paidThrough()).isEqualTo("2026-12-31");
    }

    @Test
    void periodsAreAnnouncedAtNineInTheCentresZoneAndLapseThirtyDaysAfterTheirDueDate() {
      assertThat(billing.opensOn(LocalDate.parse("2027-01-05"))).isEqualTo("2026-12-29");
      assertThat(billing.noticeTime(LocalDate.parse("2026-12-29"))).isEqualTo("2026-12-29T09:00:00+08:00");
      // Unpaid from 2026-12-06 on, it has been overdue for P30D at the start of 2027-01-05.
      assertThat(billing.lapsesAt(LocalDate.parse("2026-12-05"))).isEqualTo("2027-01-05T00:00:00+08:00");
    }
  }

  @Nested
  class DueDatesOnDaysOff {

    final WorkingTimeCalendar calendar = new WorkingTimeCalendar(ZoneId.of("Asia/Shanghai"), LocalTime.of(9, 0),
        LocalTime.of(18, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(LocalDate.parse("2027-10-05")),
        Set.of(LocalDate.parse("2027-09-26")));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        2026-12-05 | ', a Saturday: the due date stays'
        2027-09-05 | ', a Sunday: the due date stays'
        2027-10-05 | ', a public holiday: the due date stays'
        2027-01-05 | ''
        # a Sunday made a working day in exchange for a holiday
        2027-09-26 | ''
        """)
    void theTimelineSaysWhenADueDateFallsOnADayOff(String dueOn, String note) {
      assertThat(ContractTermService.dayOffNote(calendar, LocalDate.parse(dueOn))).isEqualTo(note);
    }
  }
}
