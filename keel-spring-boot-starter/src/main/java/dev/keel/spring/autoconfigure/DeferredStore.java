package dev.keel.spring.autoconfigure;

import dev.keel.engine.store.KeelStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A store handed to the engine's builder before the real one can be made: a store built by a {@link KeelStoreFactory}
 * needs the engine's kinds, which the engine knows only once built. Every call goes to the store bound after the build;
 * a call before that fails saying so. A dynamic proxy, so it forwards every {@link KeelStore} method, present and future.
 */
final class DeferredStore implements InvocationHandler {

  private final AtomicReference<KeelStore> target = new AtomicReference<>();

  /** @return the store to give the builder */
  KeelStore proxy() {
    return (KeelStore) Proxy.newProxyInstance(KeelStore.class.getClassLoader(), new Class<?>[] {KeelStore.class}, this);
  }

  /** @param store the real store, from now on */
  void bind(KeelStore store) {
    target.set(store);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> "DeferredStore[" + target.get() + "]";
      };
    }
    KeelStore store = target.get();
    if (store == null) {
      throw new IllegalStateException("Keel's store is made once the engine is built (it needs the engine's kinds);"
          + " " + method.getName() + " was called before");
    }
    try {
      return method.invoke(store, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
