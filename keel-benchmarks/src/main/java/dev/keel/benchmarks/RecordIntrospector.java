package dev.keel.benchmarks;

import de.danielbechler.diff.access.PropertyAwareAccessor;
import de.danielbechler.diff.instantiation.TypeInfo;
import de.danielbechler.diff.introspection.Introspector;
import de.danielbechler.diff.introspection.StandardIntrospector;
import de.danielbechler.diff.selector.BeanPropertyElementSelector;
import de.danielbechler.diff.selector.ElementSelector;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Set;

/**
 * Lets java-object-diff see record components: its default introspector looks for JavaBeans getters,
 * finds none on a record and compares any two records as equal (diff-design §1.3).
 */
final class RecordIntrospector implements Introspector {

  private final StandardIntrospector beans = new StandardIntrospector();

  @Override
  public TypeInfo introspect(Class<?> type) {
    if (!type.isRecord()) {
      return beans.introspect(type);
    }
    TypeInfo info = new TypeInfo(type);
    for (RecordComponent rc : type.getRecordComponents()) {
      info.addPropertyAccessor(new ComponentAccessor(rc));
    }
    return info;
  }

  private static final class ComponentAccessor implements PropertyAwareAccessor {
    private final RecordComponent component;
    private final Method accessor;

    ComponentAccessor(RecordComponent component) {
      this.component = component;
      this.accessor = component.getAccessor();
      accessor.setAccessible(true);
    }

    @Override
    public String getPropertyName() {
      return component.getName();
    }

    @Override
    public Set<Annotation> getFieldAnnotations() {
      return Set.of(component.getAnnotations());
    }

    @Override
    public <T extends Annotation> T getFieldAnnotation(Class<T> type) {
      return component.getAnnotation(type);
    }

    @Override
    public Set<Annotation> getReadMethodAnnotations() {
      return Set.of(accessor.getAnnotations());
    }

    @Override
    public <T extends Annotation> T getReadMethodAnnotation(Class<T> type) {
      return accessor.getAnnotation(type);
    }

    @Override
    public Class<?> getType() {
      return component.getType();
    }

    @Override
    public Set<String> getCategoriesFromAnnotation() {
      return Set.of();
    }

    @Override
    @Deprecated
    public boolean isExcludedByAnnotation() {
      return false;
    }

    @Override
    public ElementSelector getElementSelector() {
      return new BeanPropertyElementSelector(component.getName());
    }

    @Override
    public Object get(Object target) {
      try {
        return target == null ? null : accessor.invoke(target);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void set(Object target, Object value) {
      throw new UnsupportedOperationException("records are immutable");
    }

    @Override
    public void unset(Object target) {
      throw new UnsupportedOperationException("records are immutable");
    }
  }
}
