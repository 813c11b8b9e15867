package dev.keel.testplugin;

import dev.keel.spi.model.ResourceSpec;
import javax.annotation.Nullable;

/**
 * The spec of a {@code test/widget@v1}.
 *
 * @param id the widget's id
 * @param application the owning application
 * @param colour the widget's colour; the resolver fills in {@code grey} when it is missing
 */
public record WidgetSpec(String id, String application, @Nullable String colour) implements ResourceSpec {}
