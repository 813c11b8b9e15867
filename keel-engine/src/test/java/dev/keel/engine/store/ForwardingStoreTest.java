package dev.keel.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForwardingStoreTest {

  /** A store that only records which method was called with what. */
  private static KeelStore recording(List<String> calls) {
    return (KeelStore) Proxy.newProxyInstance(KeelStore.class.getClassLoader(), new Class<?>[] {KeelStore.class},
        (proxy, method, args) -> {
          calls.add(method.getName() + Arrays.toString(args == null ? new Object[0] : args));
          return DEFAULTS.get(method.getReturnType());
        });
  }

  private static final Map<Class<?>, Object> DEFAULTS = Map.of(boolean.class, true, int.class, 0);

  /** A distinct argument per parameter, so that a forward mixing them up is seen; null where no primitive. */
  private static Object[] arguments(Method m) {
    Object[] args = new Object[m.getParameterCount()];
    Class<?>[] types = m.getParameterTypes();
    for (int i = 0; i < args.length; i++) {
      args[i] = types[i] == String.class ? "arg" + i : types[i] == int.class ? (Object) i : null;
    }
    return args;
  }

  @Test
  void everyStoreMethodIsForwardedWithItsArguments() throws Exception {
    List<String> calls = new ArrayList<>();
    KeelStore forwarding = new ForwardingStore(recording(calls)) {};

    List<String> expected = new ArrayList<>();
    for (Method m : KeelStore.class.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) || m.isDefault()) {
        continue;
      }
      Object[] args = arguments(m);
      ForwardingStore.class.getMethod(m.getName(), m.getParameterTypes()).invoke(forwarding, args);
      expected.add(m.getName() + Arrays.toString(args));
    }

    assertThat(expected).hasSizeGreaterThan(30);
    assertThat(calls).containsExactlyElementsOf(expected);
  }

  @Test
  void aWrapperChangesOnlyWhatItOverrides() {
    List<String> calls = new ArrayList<>();
    KeelStore wrapper = new ForwardingStore(recording(calls)) {
      @Override
      public boolean triggerCheck(String resourceId) {
        return false;
      }
    };

    assertThat(wrapper.triggerCheck("r")).isFalse();
    assertThat(wrapper.removePause(PauseScope.RESOURCE, "r")).isTrue();
    assertThat(calls).containsExactly("removePause[RESOURCE, r]");
  }
}
