package dev.unibox.testing;

import dev.unibox.config.UniboxConfig;
import io.vertx.core.Vertx;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The set-up every inbox test shares, written once. Before each test (before its {@code @BeforeEach} methods)
 * it makes a Vert.x, starts a {@link TestInbox} on it and sets the test's empty instance fields:
 * <ul>
 *   <li>a {@link TestInbox} field gets the inbox, a {@link Vertx} field its Vert.x;</li>
 *   <li>a fixture field, of a type with a constructor whose first parameter is the {@link TestInbox} (and whose
 *   others are {@link Vertx} or the test's clock), gets one built on the inbox, e.g. {@link TestIngest}.</li>
 * </ul>
 * The inbox runs on the test's clock: the value of its one field of a {@link Clock} type (the system clock when
 * there is none). A test that implements {@link Tuning} changes the configuration first. After the test the
 * fixtures that are {@link AutoCloseable} are closed (last made, first closed), then the inbox and Vert.x.
 * {@link Vertx} and {@link TestInbox} parameters of test and life-cycle methods are resolved to the same.
 */
public final class TestInboxExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

  /** A test that starts the inbox with a changed configuration (e.g. other routing settings). */
  public interface Tuning {
    UniboxConfig tune(UniboxConfig config);
  }

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(TestInboxExtension.class);

  private record Running(Vertx vertx, TestInbox inbox, List<AutoCloseable> fixtures) {}

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    Object test = context.getRequiredTestInstance();
    Clock clock = clockOf(test);
    Vertx vertx = Vertx.vertx();
    Running running;
    try {
      TestInbox inbox = test instanceof Tuning t
          ? TestInbox.start(vertx, clock, t::tune)
          : TestInbox.start(vertx, clock);
      running = new Running(vertx, inbox, new ArrayList<>());
    } catch (Exception | Error e) {
      Await.result(vertx.close());
      throw e;
    }
    context.getStore(NS).put(Running.class, running);
    for (Field f : fields(test.getClass())) {
      if (Modifier.isFinal(f.getModifiers()) || f.get(test) != null) {
        continue;
      }
      if (f.getType() == TestInbox.class) {
        f.set(test, running.inbox());
      } else if (f.getType() == Vertx.class) {
        f.set(test, vertx);
      } else {
        Constructor<?> c = fixtureConstructor(f.getType());
        if (c != null) {
          Object fixture = build(c, running, clock);
          f.set(test, fixture);
          if (fixture instanceof AutoCloseable closeable) {
            running.fixtures().add(closeable);
          }
        }
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    Running running = context.getStore(NS).remove(Running.class, Running.class);
    if (running == null) {
      return;
    }
    try {
      for (int i = running.fixtures().size() - 1; i >= 0; i--) {
        running.fixtures().get(i).close();
      }
      running.inbox().close();
    } finally {
      Await.result(running.vertx().close());
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext context) {
    Class<?> type = p.getParameter().getType();
    return type == Vertx.class || type == TestInbox.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext context) {
    Running running = context.getStore(NS).get(Running.class, Running.class);
    if (running == null) {
      throw new IllegalStateException("the inbox runs only around each test (@BeforeEach, @Test, @AfterEach)");
    }
    return p.getParameter().getType() == Vertx.class ? running.vertx() : running.inbox();
  }

  private static Clock clockOf(Object test) throws IllegalAccessException {
    Clock found = null;
    for (Field f : fields(test.getClass())) {
      if (Clock.class.isAssignableFrom(f.getType()) && f.get(test) != null) {
        if (found != null) {
          throw new IllegalStateException(test.getClass().getSimpleName() + " has more than one clock field");
        }
        found = (Clock) f.get(test);
      }
    }
    return found == null ? Clock.systemUTC() : found;
  }

  /** The test's instance fields (a clock field may be final; the others are filled only when empty). */
  private static List<Field> fields(Class<?> type) {
    List<Field> out = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
          f.setAccessible(true);
          out.add(f);
        }
      }
    }
    return out;
  }

  private static Constructor<?> fixtureConstructor(Class<?> type) {
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      Class<?>[] params = c.getParameterTypes();
      boolean suppliable = java.util.Arrays.stream(params)
          .allMatch(p -> p == TestInbox.class || p == Vertx.class || Clock.class.isAssignableFrom(p));
      if (params.length > 0 && params[0] == TestInbox.class && suppliable) {
        c.setAccessible(true);
        return c;
      }
    }
    return null;
  }

  private static Object build(Constructor<?> c, Running running, Clock clock) throws Exception {
    Class<?>[] params = c.getParameterTypes();
    Object[] args = new Object[params.length];
    for (int i = 0; i < params.length; i++) {
      if (params[i] == TestInbox.class) {
        args[i] = running.inbox();
      } else if (params[i] == Vertx.class) {
        args[i] = running.vertx();
      } else if (params[i].isInstance(clock)) {
        args[i] = clock;
      } else {
        throw new IllegalStateException(c + ": no " + params[i].getSimpleName() + " to build this fixture with");
      }
    }
    return c.newInstance(args);
  }
}
