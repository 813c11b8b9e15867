package dev.keel.spi.diff;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Excludes a property from the diff: differences in it never count as drift. Use it for informational
 * values (names, metadata) and for values that cannot change after creation, which would otherwise
 * flap. Applies to record components, fields and getters alike, and inside collection elements.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface DiffIgnore {}
