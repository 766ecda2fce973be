package fr.manche.tna.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.test.ApplicationTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** The one availability: free or not, both ends counted, statuses, extensions, and the database's guarantee. */
@ApplicationTest
class AvailabilityTest {

  static final LocalDate MARCH_3 = LocalDate.of(2027, 3, 3);
  static final LocalDate MARCH_9 = LocalDate.of(2027, 3, 9);

  @Autowired Availability availability;
  @Autowired Catalogue catalogue;
  @Autowired JdbcClient jdbc;

  EquipmentType headsets;
  Item headset;

  @BeforeEach
  void anItem() {
    headsets = InventoryFixtures.type(catalogue, "Casque de réalité virtuelle");
    headset = InventoryFixtures.item(catalogue, headsets, "Manette gauche", "Manette droite", "Câble USB-C");
  }

  @Test
  void aReservedPeriodIsNotFreeOnEitherEndAndATouchingPeriodIs() {
    assertThat(availability.isFree(headset.id(), MARCH_3, MARCH_9)).isTrue();
    Reservation reservation = availability.reserve(headset.id(), MARCH_3, MARCH_9, ReservationKind.LOAN, "prêt 1");
    assertThat(reservation.days()).isEqualTo(7);

    assertThat(availability.isFree(headset.id(), MARCH_3, MARCH_3)).as("first day counted").isFalse();
    assertThat(availability.isFree(headset.id(), MARCH_9, MARCH_9)).as("last day counted").isFalse();
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 2, 20), MARCH_3)).isFalse();
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 2, 20), LocalDate.of(2027, 3, 2))).isTrue();
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 3, 10), LocalDate.of(2027, 3, 20))).isTrue();

    assertThatThrownBy(() -> availability.reserve(headset.id(), LocalDate.of(2027, 3, 5), LocalDate.of(2027, 3, 12),
            ReservationKind.LOAN, "prêt 2"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Le matériel n° " + headset.inventoryNumber() + " (" + headsets.name()
            + ") est déjà réservé du 3 au 9 mars 2027.");

    Reservation touching = availability.reserve(headset.id(), LocalDate.of(2027, 3, 10), LocalDate.of(2027, 3, 15),
        ReservationKind.OWN_USE, "animation");
    Reservation before = availability.reserve(headset.id(), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 2),
        ReservationKind.LOAN, null);
    assertThat(touching.first()).isEqualTo(LocalDate.of(2027, 3, 10));
    assertThat(before.last()).isEqualTo(LocalDate.of(2027, 3, 2));
    assertThat(availability.reservationsOf(headset.id(), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)))
        .extracting(Reservation::id).containsExactly(before.id(), reservation.id(), touching.id());
  }

  @Test
  void anItemInMaintenanceOrRetiredIsNeverFree() {
    catalogue.setStatus(headset.id(), ItemStatus.IN_MAINTENANCE, "test");
    assertThat(availability.isFree(headset.id(), MARCH_3, MARCH_9)).isFalse();
    assertThat(availability.nextFreePeriods(headset.id(), 3, MARCH_3)).isEmpty();
    assertThatThrownBy(() -> availability.reserve(headset.id(), MARCH_3, MARCH_9, ReservationKind.LOAN, null))
        .hasMessage("Le matériel n° " + headset.inventoryNumber() + " (" + headsets.name()
            + ") est en maintenance : il ne peut pas être réservé.");
    assertThat(availability.reserve(headset.id(), MARCH_3, MARCH_9, ReservationKind.MAINTENANCE, "révision"))
        .as("maintenance itself reserves an item in maintenance").isNotNull();

    catalogue.setStatus(headset.id(), ItemStatus.RETIRED, "test");
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 2))).isFalse();
    assertThatThrownBy(() -> availability.reserve(headset.id(), LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 2),
            ReservationKind.MAINTENANCE, null))
        .hasMessageEndingWith("est réformé : il ne peut pas être réservé.");
  }

  @Test
  void theNearestFreePeriodsSkipStretchesTooShort() {
    availability.reserve(headset.id(), MARCH_3, MARCH_9, ReservationKind.LOAN, null);
    availability.reserve(headset.id(), LocalDate.of(2027, 3, 12), LocalDate.of(2027, 3, 20), ReservationKind.LOAN, null);

    assertThat(availability.nextFreePeriods(headset.id(), 2, LocalDate.of(2027, 3, 1)))
        .extracting(FreePeriod::first, FreePeriod::last)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 2)),
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 3, 10), LocalDate.of(2027, 3, 11)),
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 3, 21), LocalDate.of(2027, 3, 22)));
    List<FreePeriod> threeDays = availability.nextFreePeriods(headset.id(), 3, LocalDate.of(2027, 3, 1));
    assertThat(threeDays).hasSize(1);
    assertThat(threeDays.get(0).french()).isEqualTo(headsets.name() + " n° " + headset.inventoryNumber()
        + " : du 21 au 23 mars 2027");

    Item second = InventoryFixtures.item(catalogue, headsets);
    assertThat(availability.nextFreePeriodsOfType(headsets.id(), 3, MARCH_3))
        .extracting(FreePeriod::itemId, FreePeriod::first)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(second.id(), MARCH_3),
            org.assertj.core.groups.Tuple.tuple(headset.id(), LocalDate.of(2027, 3, 21)));
  }

  @Test
  void anExtensionGoesThroughTheSameCheckAndSaysTheLatestLastDay() {
    Reservation loan = availability.reserve(headset.id(), MARCH_3, MARCH_9, ReservationKind.LOAN, "prêt");
    availability.reserve(headset.id(), LocalDate.of(2027, 3, 20), LocalDate.of(2027, 3, 25), ReservationKind.OWN_USE, null);

    assertThat(availability.move(loan.id(), LocalDate.of(2027, 3, 15)).last()).isEqualTo(LocalDate.of(2027, 3, 15));
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 3, 15), LocalDate.of(2027, 3, 15))).isFalse();
    assertThatThrownBy(() -> availability.move(loan.id(), LocalDate.of(2027, 3, 22)))
        .hasMessage("Le matériel n° " + headset.inventoryNumber() + " (" + headsets.name()
            + ") est déjà réservé du 20 au 25 mars 2027 : la réservation peut aller au plus jusqu'au 19 mars 2027.");
    assertThat(availability.reservation(loan.id()).orElseThrow().last()).isEqualTo(LocalDate.of(2027, 3, 15));

    availability.move(loan.id(), LocalDate.of(2027, 3, 5));
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 3, 6), LocalDate.of(2027, 3, 19))).isTrue();
    assertThatThrownBy(() -> availability.move(loan.id(), LocalDate.of(2027, 3, 2)))
        .hasMessage("Le dernier jour (2 mars 2027) précède le premier (3 mars 2027).");

    availability.release(loan.id());
    assertThat(availability.isFree(headset.id(), MARCH_3, LocalDate.of(2027, 3, 19))).isTrue();
    assertThat(availability.reservation(loan.id()).orElseThrow().released()).isTrue();
  }

  @Test
  void aPeriodIsCheckedBeforeAnythingIsWritten() {
    assertThatThrownBy(() -> availability.reserve(headset.id(), MARCH_9, MARCH_3, ReservationKind.LOAN, null))
        .hasMessage("Le dernier jour (3 mars 2027) précède le premier (9 mars 2027).");
    assertThatThrownBy(() -> availability.reserve(headset.id(), MARCH_3, MARCH_3.plusDays(400), ReservationKind.LOAN, null))
        .hasMessage("Une période compte au plus 400 jours (celle-ci en compte 401).");
    assertThat(availability.reserve(headset.id(), MARCH_3, MARCH_3.plusDays(399), ReservationKind.LOAN, null).days())
        .isEqualTo(400);
    assertThatThrownBy(() -> availability.reserve(-1, MARCH_3, MARCH_9, ReservationKind.LOAN, null))
        .hasMessage("Ce matériel n'existe pas dans le catalogue.");
  }

  @Test
  void theDatabaseRefusesAnOverlappingReservationWrittenBehindTheServicesBack() {
    Reservation held = availability.reserve(headset.id(), MARCH_3, MARCH_9, ReservationKind.LOAN, null);
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into reservation (item_id, first_day, last_day, kind, created_at) values (?, ?, ?, 'LOAN', ?)")
        .params(headset.id(), MARCH_9, MARCH_9.plusDays(2), OffsetDateTime.now()).update(keys, "id");
    long sneaky = keys.getKey().longValue();

    assertThatThrownBy(() -> jdbc.sql("insert into reservation_day (item_id, reserved_on, reservation_id) values (?, ?, ?)")
            .params(headset.id(), MARCH_9, sneaky).update())
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.sql("insert into reservation_day (item_id, reserved_on, reservation_id) values (?, ?, ?)")
            .params(InventoryFixtures.item(catalogue, headsets).id(), MARCH_9, held.id()).update())
        .as("a day belongs to its reservation's item").isInstanceOf(DataIntegrityViolationException.class);
    jdbc.sql("delete from reservation where id = ?").param(sneaky).update();
  }

  @Test
  void fiftySimultaneousReservationsOfOverlappingDaysEndWithExactlyOne() throws Exception {
    int callers = 50;
    CountDownLatch ready = new CountDownLatch(callers);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    List<Future<Object>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < callers; i++) {
        LocalDate first = MARCH_3.plusDays(i % 5);
        LocalDate last = MARCH_9.plusDays(i % 7);
        Callable<Object> call = () -> {
          ready.countDown();
          go.await();
          try {
            return availability.reserve(headset.id(), first, last, ReservationKind.LOAN, "concurrent");
          } catch (InvalidInputException refused) {
            return refused.getMessage();
          }
        };
        outcomes.add(pool.submit(call));
      }
      ready.await(30, TimeUnit.SECONDS);
      go.countDown();
      List<Reservation> won = new ArrayList<>();
      List<String> refused = new ArrayList<>();
      for (Future<Object> outcome : outcomes) {
        Object result = outcome.get(60, TimeUnit.SECONDS);
        if (result instanceof Reservation reservation) {
          won.add(reservation);
        } else {
          refused.add((String) result);
        }
      }
      assertThat(won).hasSize(1);
      assertThat(refused).hasSize(callers - 1)
          .allMatch(message -> message.startsWith("Le matériel n° " + headset.inventoryNumber() + " (" + headsets.name()
              + ") est déjà réservé du "), "the French refusal");
      assertThat(jdbc.sql("select count(*) from reservation where item_id = ?").param(headset.id()).query(Long.class).single())
          .as("no half-written reservation").isEqualTo(1);
      assertThat(jdbc.sql("select count(*) from reservation_day where item_id = ?").param(headset.id()).query(Long.class).single())
          .isEqualTo(won.get(0).days());
    } finally {
      pool.shutdownNow();
    }
  }
}
