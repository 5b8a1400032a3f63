package dev.unibox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeatTallyTest {

  @Test
  void idleSeatsAreCountedOnlyWhileBuyersWaitAndOnlyForAgentsOnDuty() {
    SeatTally seats = new SeatTally();
    seats.count(3, 5, true, true, 3600);   // on duty, buyers waiting: 2 seats idle for an hour
    seats.count(2, 5, false, true, 3600);  // off duty, still holding 2 chats: no seat of theirs is free
    seats.count(0, 5, true, false, 3600);  // nobody waiting: idle, but nothing was waiting for it

    assertThat(seats.idleSeatHoursWhileWaiting()).isCloseTo(2.0, within(1e-9));
    assertThat(seats.utilisation()).isCloseTo(5.0 / 7, within(1e-9));
    assertThat(seats.occupancy()).isCloseTo(5.0 / 12, within(1e-9));
  }

  @Test
  void aRowWithFewerFullyBusyWaitingMomentsHasALowerShareButNoMoreIdleSeats() {
    SeatTally fewer = new SeatTally();
    fewer.count(95, 100, true, true, 60);
    SeatTally more = new SeatTally();
    more.count(95, 100, true, true, 60);
    more.count(100, 100, true, true, 60);

    assertThat(fewer.utilisation()).isLessThan(more.utilisation());
    assertThat(fewer.idleSeatHoursWhileWaiting()).isEqualTo(more.idleSeatHoursWhileWaiting());
  }
}
