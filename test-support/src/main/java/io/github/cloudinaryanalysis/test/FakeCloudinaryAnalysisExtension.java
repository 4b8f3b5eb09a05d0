package io.github.cloudinaryanalysis.test;

import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit Jupiter extension that starts one {@link FakeCloudinaryAnalysisApi} per test
 * class (before {@code @BeforeAll} methods), closes it after the class, and injects it
 * into constructor, lifecycle and test method parameters of type
 * {@link FakeCloudinaryAnalysisApi}.
 *
 * <p>
 * Declaratively, with the defaults:
 * {@code @ExtendWith(FakeCloudinaryAnalysisExtension.class)}. Programmatically, to
 * configure the fake or reach it from a static {@code @DynamicPropertySource} method:
 * <pre class="code">
 * &#64;RegisterExtension
 * static final FakeCloudinaryAnalysisExtension fake = FakeCloudinaryAnalysisExtension
 *     .using(() -&gt; FakeCloudinaryAnalysisApi.builder().cloudName("my-cloud"))
 *     .resetBeforeEachTest();
 * </pre>
 *
 * <p>
 * State (tasks, queued faults, the request journal) is shared by the tests of a class
 * unless {@link #resetBeforeEachTest()} is used. Register the extension on a
 * {@code static} field: one on an instance field gets no class-level callbacks and starts
 * no fake.
 */
public final class FakeCloudinaryAnalysisExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(FakeCloudinaryAnalysisExtension.class);

	private final Supplier<FakeCloudinaryAnalysisApi.Builder> builder;

	private final boolean resetBeforeEach;

	private volatile @Nullable FakeCloudinaryAnalysisApi api;

	/**
	 * An extension whose fake has the {@link FakeCloudinaryAnalysisApi#builder()
	 * defaults}.
	 */
	public FakeCloudinaryAnalysisExtension() {
		this(FakeCloudinaryAnalysisApi::builder, false);
	}

	private FakeCloudinaryAnalysisExtension(Supplier<FakeCloudinaryAnalysisApi.Builder> builder,
			boolean resetBeforeEach) {
		this.builder = builder;
		this.resetBeforeEach = resetBeforeEach;
	}

	/**
	 * An extension whose fake is built by the given builder.
	 * @param builder supplies a configured builder, called once per test class
	 * @return the extension
	 */
	public static FakeCloudinaryAnalysisExtension using(Supplier<FakeCloudinaryAnalysisApi.Builder> builder) {
		return new FakeCloudinaryAnalysisExtension(Objects.requireNonNull(builder, "builder"), false);
	}

	/**
	 * This extension, also {@linkplain FakeCloudinaryAnalysisApi#reset() resetting} the
	 * fake before each test.
	 * @return a new extension
	 */
	public FakeCloudinaryAnalysisExtension resetBeforeEachTest() {
		return new FakeCloudinaryAnalysisExtension(this.builder, true);
	}

	/**
	 * The running fake of the current test class.
	 * @return the fake
	 * @throws IllegalStateException outside a test class run
	 */
	public FakeCloudinaryAnalysisApi api() {
		FakeCloudinaryAnalysisApi current = this.api;
		if (current == null) {
			throw new IllegalStateException("The fake runs only while a test class using this extension runs");
		}
		return current;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (context.getStore(NAMESPACE).get(context.getRequiredTestClass(), FakeCloudinaryAnalysisApi.class) != null) {
			return; // already started for this class (the extension was registered twice)
		}
		FakeCloudinaryAnalysisApi fake = this.builder.get().build().start();
		context.getStore(NAMESPACE).put(context.getRequiredTestClass(), fake);
		this.api = fake;
	}

	@Override
	public void afterAll(ExtensionContext context) {
		FakeCloudinaryAnalysisApi fake = context.getStore(NAMESPACE)
			.remove(context.getRequiredTestClass(), FakeCloudinaryAnalysisApi.class);
		if (fake != null) {
			fake.close();
			if (this.api == fake) {
				this.api = null;
			}
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (this.resetBeforeEach) {
			find(context).reset();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == FakeCloudinaryAnalysisApi.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return find(extensionContext);
	}

	private FakeCloudinaryAnalysisApi find(ExtensionContext context) {
		for (ExtensionContext current = context; current != null; current = current.getParent().orElse(null)) {
			Class<?> testClass = current.getTestClass().orElse(null);
			if (testClass != null) {
				FakeCloudinaryAnalysisApi fake = current.getStore(NAMESPACE)
					.get(testClass, FakeCloudinaryAnalysisApi.class);
				if (fake != null) {
					return fake;
				}
			}
		}
		throw new ParameterResolutionException("No FakeCloudinaryAnalysisApi is running for " + context.getUniqueId()
				+ ": register FakeCloudinaryAnalysisExtension on the test class or a static field");
	}

}
