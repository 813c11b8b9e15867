package dev.keel.spi.model;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The name of a cloud resource in Spinnaker's naming convention: an application, an optional stack and
 * an optional detail, plus a sequence number for server groups.
 *
 * <p>{@link #toName()} gives {@code app}, {@code app-stack}, {@code app-stack-detail} or, when the stack is
 * absent, {@code app--detail}. {@link #serverGroupName()} appends {@code -vNNN}. {@link #parse(String)}
 * reads both forms back. The application may not contain a hyphen; the stack may not either (a hyphen
 * ends it); the detail may. Empty stack and detail are the same as absent ones.
 *
 * @param app the application, letters, digits, {@code .} and {@code _}
 * @param stack the stack, or null
 * @param detail the free-form detail, or null
 * @param sequence the server group sequence number, 0 to 999, or null for a cluster or other resource
 */
public record Moniker(String app, @Nullable String stack, @Nullable String detail, @Nullable Integer sequence) {

  private static final Pattern APP = Pattern.compile("[a-zA-Z0-9._]+");
  private static final Pattern STACK = Pattern.compile("[a-zA-Z0-9._~^]+");
  private static final Pattern DETAIL = Pattern.compile("[a-zA-Z0-9._~^-]+");
  private static final Pattern SERVER_GROUP = Pattern.compile("(.+)-v(\\d{3,6})");

  /**
   * Validates the parts and turns empty stack and detail into absent ones.
   *
   * @throws IllegalArgumentException if a part holds characters Spinnaker names cannot hold, or the
   *     sequence is outside 0 to 999
   */
  public Moniker {
    Objects.requireNonNull(app, "app");
    stack = stack == null || stack.isEmpty() ? null : stack;
    detail = detail == null || detail.isEmpty() ? null : detail;
    if (!APP.matcher(app).matches()) {
      throw new IllegalArgumentException("Invalid application name '" + app
          + "' in moniker: use letters, digits, '.' and '_' (no '-', which separates the stack)");
    }
    if (stack != null && !STACK.matcher(stack).matches()) {
      throw new IllegalArgumentException("Invalid stack '" + stack
          + "' in moniker: use letters, digits, '.', '_', '~' and '^' (no '-', which separates the detail)");
    }
    if (detail != null && !DETAIL.matcher(detail).matches()) {
      throw new IllegalArgumentException("Invalid detail '" + detail
          + "' in moniker: use letters, digits, '.', '_', '~', '^' and '-'");
    }
    if (sequence != null && (sequence < 0 || sequence > 999)) {
      throw new IllegalArgumentException("Invalid server group sequence " + sequence + ": expected 0 to 999");
    }
  }

  /**
   * A moniker with only an application.
   *
   * @param app the application
   */
  public Moniker(String app) {
    this(app, null, null, null);
  }

  /**
   * A moniker without a sequence.
   *
   * @param app the application
   * @param stack the stack, or null
   * @param detail the detail, or null
   */
  public Moniker(String app, @Nullable String stack, @Nullable String detail) {
    this(app, stack, detail, null);
  }

  /**
   * Parses a cluster name or a server group name ({@code -vNNN}).
   *
   * @param name such as {@code fnord-main-a-login} or {@code fnord-main-v042}
   * @return the moniker
   * @throws IllegalArgumentException if the name does not follow the convention
   */
  public static Moniker parse(String name) {
    Objects.requireNonNull(name, "name");
    Integer sequence = null;
    String cluster = name;
    Matcher sg = SERVER_GROUP.matcher(name);
    if (sg.matches()) {
      cluster = sg.group(1);
      sequence = Integer.parseInt(sg.group(2)) % 1000;
    }
    int first = cluster.indexOf('-');
    if (first < 0) {
      return new Moniker(cluster, null, null, sequence);
    }
    String app = cluster.substring(0, first);
    String rest = cluster.substring(first + 1);
    int second = rest.indexOf('-');
    if (second < 0) {
      if (rest.isEmpty()) {
        throw new IllegalArgumentException("Invalid name '" + name + "': a trailing '-' names no stack");
      }
      return new Moniker(app, rest, null, sequence);
    }
    String detail = rest.substring(second + 1);
    if (detail.isEmpty()) {
      throw new IllegalArgumentException("Invalid name '" + name + "': a trailing '-' names no detail");
    }
    return new Moniker(app, rest.substring(0, second), detail, sequence);
  }

  /**
   * The cluster (or resource) name: {@code app}, {@code app-stack}, {@code app-stack-detail} or
   * {@code app--detail}.
   *
   * @return the name without the server group sequence
   */
  public String toName() {
    if (detail != null) {
      return app + "-" + (stack == null ? "" : stack) + "-" + detail;
    }
    return stack == null ? app : app + "-" + stack;
  }

  /**
   * The server group name, {@link #toName()} followed by {@code -vNNN}.
   *
   * @return the server group name
   * @throws IllegalStateException if this moniker has no sequence
   */
  public String serverGroupName() {
    if (sequence == null) {
      throw new IllegalStateException("Moniker " + toName() + " has no server group sequence");
    }
    return String.format("%s-v%03d", toName(), sequence);
  }

  /**
   * This moniker with a sequence number.
   *
   * @param sequence any non-negative number; Spinnaker wraps it modulo 1000
   * @return the moniker of that server group
   */
  public Moniker withSequence(int sequence) {
    if (sequence < 0) {
      throw new IllegalArgumentException("Server group sequence must not be negative: " + sequence);
    }
    return new Moniker(app, stack, detail, sequence % 1000);
  }

  /**
   * This moniker without its sequence, naming the cluster.
   *
   * @return the cluster moniker
   */
  public Moniker cluster() {
    return sequence == null ? this : new Moniker(app, stack, detail, null);
  }

  /**
   * A renamed moniker whose detail ends with {@code -suffix}, keeping as much of the existing detail as
   * fits in {@code maxNameLength} (Keel's rule for preview environments).
   *
   * @param suffix the suffix to append
   * @param maxNameLength the longest name allowed
   * @return the renamed moniker
   * @throws IllegalArgumentException if even the suffix alone does not fit
   */
  public Moniker withSuffix(String suffix, int maxNameLength) {
    String base = app + "-" + (stack == null ? "" : stack) + "-";
    int room = maxNameLength - base.length() - suffix.length();
    if (detail == null) {
      if (room < 0) {
        throw new IllegalArgumentException("Name " + base + suffix + " is longer than " + maxNameLength);
      }
      return new Moniker(app, stack, suffix, sequence);
    }
    room -= 1; // the '-' between the kept detail and the suffix
    if (room < 0) {
      throw new IllegalArgumentException("No room for suffix '" + suffix + "' in " + maxNameLength + " characters");
    }
    String kept = detail.substring(0, Math.min(room, detail.length()));
    return new Moniker(app, stack, kept.isEmpty() ? suffix : kept + "-" + suffix, sequence);
  }

  /** Returns {@link #toName()}, or {@link #serverGroupName()} when a sequence is set. */
  @Override
  public String toString() {
    return sequence == null ? toName() : serverGroupName();
  }
}
