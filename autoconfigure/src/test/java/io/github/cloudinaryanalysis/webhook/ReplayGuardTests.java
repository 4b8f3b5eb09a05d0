package io.github.cloudinaryanalysis.webhook;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay guard's bounds: in count (oldest forgotten first), in time, and one
 * acceptance under concurrency.
 */
class ReplayGuardTests {

	private static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");

	private static final Instant LATER = NOW.plus(Duration.ofHours(2));

	private final MutableClock clock = new MutableClock(NOW);

	@Test
	void remembersAtMostOneHundredThousandSignaturesForgettingTheOldestFirst() {
		ReplayGuard guard = new ReplayGuard(ReplayGuard.DEFAULT_CAPACITY, this.clock);
		for (int i = 0; i < 100_001; i++) {
			assertThat(guard.firstAcceptance(signature(i), LATER)).isTrue();
		}
		assertThat(guard.size()).isEqualTo(100_000);
		assertThat(guard.firstAcceptance(signature(1), LATER)).as("the second one is still remembered").isFalse();
		assertThat(guard.firstAcceptance(signature(100_000), LATER)).as("the newest is remembered").isFalse();
		assertThat(guard.firstAcceptance(signature(0), LATER)).as("the oldest was forgotten").isTrue();
		assertThat(guard.size()).isEqualTo(100_000);
	}

	@Test
	void forgetsASignatureOnceItsNotificationWouldBeStaleAnyway() {
		ReplayGuard guard = new ReplayGuard(10, this.clock);
		assertThat(guard.firstAcceptance(signature(1), NOW.plusSeconds(60))).isTrue();
		assertThat(guard.firstAcceptance(signature(2), NOW.plusSeconds(120))).isTrue();
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(guard.firstAcceptance(signature(1), NOW.plusSeconds(60))).isFalse();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(guard.firstAcceptance(signature(3), NOW.plusSeconds(180))).isTrue();
		assertThat(guard.size()).as("signature 1 was dropped once expired").isEqualTo(2);
		assertThat(guard.firstAcceptance(signature(1), NOW.plusSeconds(200))).isTrue();
	}

	@Test
	void anExpiredEntryBehindALiveOneIsTreatedAsGone() {
		ReplayGuard guard = new ReplayGuard(10, this.clock);
		guard.firstAcceptance(signature(1), NOW.plusSeconds(600));
		guard.firstAcceptance(signature(2), NOW.plusSeconds(60));
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(guard.firstAcceptance(signature(2), NOW.plusSeconds(700))).isTrue();
		assertThat(guard.firstAcceptance(signature(1), NOW.plusSeconds(600))).isFalse();
	}

	@Test
	void concurrentDeliveriesOfOneNotificationAreAcceptedOnce() throws Exception {
		ReplayGuard guard = new ReplayGuard(ReplayGuard.DEFAULT_CAPACITY, this.clock);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (int round = 0; round < 200; round++) {
				byte[] signature = signature(round);
				List<Callable<Boolean>> deliveries = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					deliveries.add(() -> guard.firstAcceptance(signature, LATER));
				}
				int accepted = 0;
				for (Future<Boolean> result : pool.invokeAll(deliveries)) {
					accepted += result.get() ? 1 : 0;
				}
				assertThat(accepted).isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
	}

	/**
	 * A distinct 20-byte (SHA-1 sized) signature per number, differing in the first 16
	 * bytes.
	 */
	private static byte[] signature(int number) {
		return ByteBuffer.allocate(20).putLong(0, 0x5EED_0000_0000_0000L).putInt(8, number).array();
	}

}
