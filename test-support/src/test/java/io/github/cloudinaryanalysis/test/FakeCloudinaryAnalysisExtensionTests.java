package io.github.cloudinaryanalysis.test;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Runs small test classes (nested here, so Surefire does not run them on their own)
 * through the Jupiter engine and checks the extension's lifecycle: one started fake per
 * class, parameter injection, optional reset, closed after.
 */
class FakeCloudinaryAnalysisExtensionTests {

	@Test
	void declarativeUseStartsOneFakePerClassInjectsItAndClosesIt() {
		DeclarativeUse.seen.set(null);
		Events tests = run(DeclarativeUse.class);
		tests.assertStatistics((stats) -> stats.started(2).succeeded(2).failed(0));
		FakeCloudinaryAnalysisApi fake = DeclarativeUse.seen.get();
		assertThat(fake).isNotNull();
		assertThat(fake.isRunning()).as("closed after the class").isFalse();
	}

	@Test
	void registeredUseConfiguresTheFakeAndResetsItBeforeEachTest() {
		RegisteredUse.seen.set(null);
		Events tests = run(RegisteredUse.class);
		tests.assertStatistics((stats) -> stats.started(2).succeeded(2).failed(0));
		assertThat(RegisteredUse.seen.get().isRunning()).isFalse();
		assertThatIllegalStateException().isThrownBy(RegisteredUse.fake::api);
	}

	@Test
	void sharedStateIsKeptBetweenTestsWithoutReset() {
		Events tests = run(SharedStateUse.class);
		tests.assertStatistics((stats) -> stats.started(2).succeeded(2).failed(0));
	}

	private static Events run(Class<?> testClass) {
		return EngineTestKit.engine("junit-jupiter")
			.selectors(DiscoverySelectors.selectClass(testClass))
			.execute()
			.testEvents();
	}

	@ExtendWith(FakeCloudinaryAnalysisExtension.class)
	static class DeclarativeUse {

		static final AtomicReference<FakeCloudinaryAnalysisApi> seen = new AtomicReference<>();

		private final FakeCloudinaryAnalysisApi injected;

		DeclarativeUse(FakeCloudinaryAnalysisApi injected) {
			this.injected = injected;
		}

		@BeforeAll
		static void beforeAll(FakeCloudinaryAnalysisApi fake) {
			assertThat(fake.isRunning()).isTrue();
			seen.set(fake);
		}

		@AfterAll
		static void afterAll(FakeCloudinaryAnalysisApi fake) {
			assertThat(fake.isRunning()).as("still running in @AfterAll").isTrue();
		}

		@Test
		void constructorAndMethodGetTheSameRunningFake(FakeCloudinaryAnalysisApi fake) {
			assertThat(fake).isSameAs(this.injected).isSameAs(seen.get());
			assertThat(new HttpTestClient(fake).getTask(fake.createTask(TaskLife.fixed("completed"))).statusCode())
				.isEqualTo(200);
		}

		@Test
		void defaultsApply(FakeCloudinaryAnalysisApi fake) {
			assertThat(fake).isSameAs(seen.get());
			assertThat(fake.cloudName()).isEqualTo("demo");
		}

	}

	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	static class RegisteredUse {

		static final AtomicReference<FakeCloudinaryAnalysisApi> seen = new AtomicReference<>();

		@RegisterExtension
		static final FakeCloudinaryAnalysisExtension fake = FakeCloudinaryAnalysisExtension
			.using(() -> FakeCloudinaryAnalysisApi.builder().cloudName("registered"))
			.resetBeforeEachTest();

		@Test
		@Order(1)
		void first(FakeCloudinaryAnalysisApi injected) {
			seen.set(fake.api());
			assertThat(injected).isSameAs(fake.api());
			assertThat(injected.cloudName()).isEqualTo("registered");
			new HttpTestClient(injected).getTask("abc");
			injected.failNext(5, Fault.serverError(500));
			assertThat(injected.requestCount()).isEqualTo(1);
		}

		@Test
		@Order(2)
		void secondStartsClean() {
			assertThat(fake.api()).isSameAs(seen.get());
			assertThat(fake.api().requestCount()).isZero();
			assertThat(fake.api().pendingFaults()).isZero();
		}

	}

	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	@ExtendWith(FakeCloudinaryAnalysisExtension.class)
	static class SharedStateUse {

		@Test
		@Order(1)
		void first(FakeCloudinaryAnalysisApi fake) {
			fake.createTask("shared-task", TaskLife.fixed("pending"));
		}

		@Test
		@Order(2)
		void second(FakeCloudinaryAnalysisApi fake) {
			assertThat(new HttpTestClient(fake).getTask("shared-task").statusCode()).isEqualTo(200);
		}

	}

}
