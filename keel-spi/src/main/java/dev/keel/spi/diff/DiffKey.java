package dev.keel.spi.diff;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the properties of a collection element that identify it, so that the differ matches elements
 * of the desired and current collections by key rather than by position or equality. A change to a
 * non-key property of an element is then reported under {@code /…/[key=value]/property}; a change of
 * key as one removal and one addition. Several components marked together form a compound key.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface DiffKey {}
