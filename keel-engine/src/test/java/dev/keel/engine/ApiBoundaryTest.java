package dev.keel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.internal.check.CheckReport;
import dev.keel.engine.internal.schedule.DeadlineCalls;
import dev.keel.engine.internal.schedule.WorkQueue;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API boundary of keel-engine: every package under {@code dev.keel.engine} but {@code dev.keel.engine.internal}
 * is API, and no public or protected signature of an API type (superclass, interfaces, permitted subclasses, type
 * parameters, fields, constructors, methods, their exceptions) mentions a type of {@code dev.keel.engine.internal},
 * so that hosts and plugins never need an internal type. Reads the compiled classes by reflection: those of
 * {@link KeelEngine}'s code source ({@code target/classes} here, the engine jar where keel-host-compat runs these
 * tests again); the system property {@code keel.engineClasses} names another directory or jar. Every package has a
 * package-info, and those of the internal packages say that they are not API.
 */
class ApiBoundaryTest {

  private static final String ENGINE = "dev.keel.engine";
  private static final String INTERNAL = "dev.keel.engine.internal";

  @Test
  void noApiSignatureMentionsAnInternalType() throws Exception {
    List<Class<?>> api = apiTypes(engineClassNames());

    assertThat(api).as("public types of the API packages").contains(KeelEngine.class, EngineConfig.class,
        dev.keel.engine.store.KeelStore.class, dev.keel.engine.schedule.Scheduler.class,
        dev.keel.engine.config.ConfigReader.class, dev.keel.engine.diff.Differ.class);
    List<String> leaks = api.stream().flatMap(c -> leaks(c).stream()).collect(Collectors.toList());
    assertThat(leaks).as("public or protected signatures of API types that mention an internal type").isEmpty();
  }

  @Test
  void everyPackageHasAPackageInfo() throws Exception {
    SortedSet<String> packages = new TreeSet<>();
    Set<String> described = new HashSet<>();
    for (String name : engineClassNames()) {
      String pkg = name.substring(0, name.lastIndexOf('.'));
      packages.add(pkg);
      if (name.endsWith(".package-info")) {
        described.add(pkg);
      }
    }

    assertThat(packages).as("keel-engine's packages").contains(ENGINE, INTERNAL + ".check");
    assertThat(packages.stream().filter(p -> !described.contains(p)))
        .as("packages of keel-engine without a package-info").isEmpty();
  }

  @Test
  void aLeakIsFoundInEverySignaturePosition() {
    assertThat(leaks(Leaky.class)).containsExactlyInAnyOrder(
        Leaky.class.getName() + " type parameter T mentions " + DeadlineCalls.class.getName(),
        Leaky.class.getName() + " field queue mentions " + WorkQueue.class.getName(),
        Leaky.class.getName() + " constructor Leaky(List) mentions " + CheckReport.class.getName(),
        Leaky.class.getName() + " method reports() mentions " + CheckReport.class.getName(),
        Leaky.class.getName() + " method rate(Class) mentions " + DeadlineCalls.class.getName(),
        Leaky.class.getName() + " method rate(Class) mentions " + WorkQueue.class.getName());
    assertThat(leaks(Sealed.class, c -> c == Subclass.class)).containsExactly(
        Sealed.class.getName() + " type mentions " + Subclass.class.getName());
    assertThat(leaks(Safe.class)).isEmpty();
  }

  /** A public type whose public and protected signatures mention internal types everywhere; for the test above. */
  @SuppressWarnings("unused")
  public static class Leaky<T extends DeadlineCalls> {
    public WorkQueue<String> queue;
    private WorkQueue<String> hidden;

    public Leaky(List<? super CheckReport> reports) {}

    Leaky() {}

    public CheckReport[] reports() {
      return new CheckReport[0];
    }

    protected <R extends WorkQueue<?>> List<R> rate(Class<? extends DeadlineCalls> unused) throws Exception {
      return List.of();
    }

    private CheckReport own() {
      return null;
    }
  }

  /** A sealed type naming what it permits; for the test above, as if its subclass were internal. */
  public sealed interface Sealed permits Subclass {}

  /** Stands for an internal subclass: the test above tells {@link #leaks} so. */
  static final class Subclass implements Sealed {}

  /** Mentions only API and JDK types, in every position. */
  @SuppressWarnings("unused")
  public static class Safe<T extends Comparable<T>> {
    public List<? extends T> values;

    public Safe(KeelEngine engine) {}

    public <E extends Exception> EngineConfig config(List<E>[] errors) throws E {
      return EngineConfig.defaults();
    }
  }

  /** The classes of keel-engine, by binary name (package-info included). */
  private static List<String> engineClassNames() throws IOException, URISyntaxException {
    String configured = System.getProperty("keel.engineClasses");
    Path classes = configured != null ? Path.of(configured)
        : Path.of(KeelEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(Files.exists(classes)).as("keel-engine's classes at %s", classes).isTrue();
    List<String> entries;
    if (Files.isDirectory(classes)) {
      try (Stream<Path> files = Files.walk(classes)) {
        entries = files.filter(Files::isRegularFile).map(f -> classes.relativize(f).toString().replace('\\', '/'))
            .collect(Collectors.toList());
      }
    } else {
      try (JarFile jar = new JarFile(classes.toFile())) {
        entries = jar.stream().map(e -> e.getName()).collect(Collectors.toList());
      }
    }
    return entries.stream()
        .filter(e -> e.endsWith(".class") && e.startsWith(ENGINE.replace('.', '/') + "/"))
        .map(e -> e.substring(0, e.length() - ".class".length()).replace('/', '.'))
        .sorted()
        .collect(Collectors.toList());
  }

  /** The types of the API packages that code outside the package can name: public, nested only in such types. */
  private static List<Class<?>> apiTypes(List<String> names) throws ClassNotFoundException {
    List<Class<?>> types = new ArrayList<>();
    for (String name : names) {
      if (name.endsWith("package-info") || name.startsWith(INTERNAL + ".") || name.equals(INTERNAL)) {
        continue;
      }
      Class<?> c = Class.forName(name, false, ApiBoundaryTest.class.getClassLoader());
      if (reachable(c)) {
        types.add(c);
      }
    }
    return types;
  }

  private static boolean reachable(Class<?> c) {
    if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
      return false;
    }
    for (Class<?> t = c; t != null; t = t.getEnclosingClass()) {
      boolean nested = t.getEnclosingClass() != null;
      if (!Modifier.isPublic(t.getModifiers()) && !(nested && Modifier.isProtected(t.getModifiers()))) {
        return false;
      }
    }
    return true;
  }

  /** What of a type's public and protected signatures mentions a type of {@code dev.keel.engine.internal}. */
  static List<String> leaks(Class<?> type) {
    return leaks(type, c -> c.getName().startsWith(INTERNAL + "."));
  }

  /** What of a type's public and protected signatures mentions an internal type, one line each. */
  static List<String> leaks(Class<?> type, Predicate<Class<?>> internal) {
    List<String> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Checker checker = new Checker(type, internal, found);
    checker.check("type", Stream.concat(Stream.of(type.getGenericSuperclass()),
        Arrays.stream(type.getGenericInterfaces())).toArray(Type[]::new));
    if (type.isSealed()) {
      checker.check("type", type.getPermittedSubclasses());
    }
    for (TypeVariable<?> v : type.getTypeParameters()) {
      checker.check("type parameter " + v.getName(), v.getBounds());
    }
    // Members a subclass or caller can reach: declared here or inherited from a non-API superclass.
    for (Class<?> c = type; c != null && c.getName().startsWith(ENGINE + "."); c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (visible(f)) {
          checker.check("field " + f.getName(), new Type[] {f.getGenericType()});
        }
      }
      if (c == type) {
        for (Constructor<?> k : c.getDeclaredConstructors()) {
          if (visible(k)) {
            checker.check("constructor " + describe(k, type.getSimpleName()), signature(k));
          }
        }
      }
      for (Method m : c.getDeclaredMethods()) {
        if (visible(m) && seen.add(describe(m, m.getName()))) {
          checker.check("method " + describe(m, m.getName()), signature(m));
        }
      }
    }
    for (Method m : type.getMethods()) {
      if (!m.isSynthetic() && seen.add(describe(m, m.getName()))) {
        checker.check("method " + describe(m, m.getName()), signature(m));
      }
    }
    return found.stream().distinct().collect(Collectors.toList());
  }

  private static boolean visible(Member m) {
    return !m.isSynthetic() && (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers()));
  }

  private static Type[] signature(Executable e) {
    List<Type> types = new ArrayList<>(Arrays.asList(e.getGenericParameterTypes()));
    types.addAll(Arrays.asList(e.getGenericExceptionTypes()));
    for (TypeVariable<?> v : e.getTypeParameters()) {
      types.addAll(Arrays.asList(v.getBounds()));
    }
    if (e instanceof Method m) {
      types.add(m.getGenericReturnType());
    }
    return types.toArray(Type[]::new);
  }

  private static String describe(Executable e, String name) {
    return name + Arrays.stream(e.getParameterTypes()).map(Class::getSimpleName)
        .collect(Collectors.joining(", ", "(", ")"));
  }

  /** Finds the internal types a signature's types mention, and names them with where they were found. */
  private record Checker(Class<?> type, Predicate<Class<?>> internal, List<String> found) {

    void check(String where, Type[] types) {
      SortedSet<String> names = new TreeSet<>();
      Set<Type> visited = new HashSet<>();
      for (Type t : types) {
        collect(t, names, visited);
      }
      names.forEach(name -> found.add(type.getName() + " " + where + " mentions " + name));
    }

    private void collect(Type t, Set<String> names, Set<Type> visited) {
      if (t == null || !visited.add(t)) {
        return;
      }
      if (t instanceof Class<?> c) {
        if (c.isArray()) {
          collect(c.getComponentType(), names, visited);
        } else if (internal.test(c)) {
          names.add(c.getName());
        }
      } else if (t instanceof ParameterizedType p) {
        collect(p.getRawType(), names, visited);
        collect(p.getOwnerType(), names, visited);
        Arrays.stream(p.getActualTypeArguments()).forEach(a -> collect(a, names, visited));
      } else if (t instanceof GenericArrayType a) {
        collect(a.getGenericComponentType(), names, visited);
      } else if (t instanceof WildcardType w) {
        Arrays.stream(w.getUpperBounds()).forEach(b -> collect(b, names, visited));
        Arrays.stream(w.getLowerBounds()).forEach(b -> collect(b, names, visited));
      } else if (t instanceof TypeVariable<?> v) {
        Arrays.stream(v.getBounds()).forEach(b -> collect(b, names, visited));
      }
    }
  }
}
