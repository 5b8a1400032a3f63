package dev.unibox.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test against the whole inbox on loopback: {@link TestInboxExtension} starts a {@link TestInbox} before each
 * test and fills the test's fields with it (see there), and stops it after.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestInboxExtension.class)
public @interface InboxTest {
}
