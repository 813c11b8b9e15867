package dev.keel.examples.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * A command line taken apart: the command, its positional arguments and its flags. Flags take their value
 * as the next argument or after {@code =}; each command declares which flags it accepts.
 */
final class Options {

  /** Flags that take a value. */
  private static final Set<String> VALUED = Set.of("--scenario", "--max-time", "--account", "--region", "--plugins",
      "--cloud", "--port", StoreOption.FLAG);
  /** Flags that are switches. */
  private static final Set<String> SWITCHES = Set.of("--json", "--until-converged", "--verbose");

  private final String command;
  private final List<String> positionals;
  private final Map<String, List<String>> flags;

  private Options(String command, List<String> positionals, Map<String, List<String>> flags) {
    this.command = command;
    this.positionals = List.copyOf(positionals);
    this.flags = flags;
  }

  /**
   * Parses the arguments after the command.
   *
   * @param command the command
   * @param args its arguments
   * @param accepted the flags the command accepts
   * @return the options
   * @throws UsageException for an unknown flag, a flag without its value, or a switch given a value
   */
  static Options parse(String command, List<String> args, Set<String> accepted) {
    List<String> positionals = new ArrayList<>();
    Map<String, List<String>> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        positionals.addAll(args.subList(i + 1, args.size()));
        break;
      }
      if (!arg.startsWith("--") || arg.length() == 2) {
        positionals.add(arg);
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      if (!accepted.contains(name)) {
        throw new UsageException("'keel " + command + "' has no flag " + name + "; it takes "
            + (accepted.isEmpty() ? "no flags" : String.join(", ", new TreeSet<>(accepted))));
      }
      if (SWITCHES.contains(name)) {
        if (eq >= 0) {
          throw new UsageException(name + " takes no value");
        }
        flags.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
      } else if (VALUED.contains(name)) {
        String value;
        if (eq >= 0) {
          value = arg.substring(eq + 1);
        } else if (i + 1 < args.size()) {
          value = args.get(++i);
        } else {
          throw new UsageException(name + " needs a value");
        }
        flags.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    return new Options(command, positionals, flags);
  }

  String command() {
    return command;
  }

  List<String> positionals() {
    return positionals;
  }

  boolean has(String flag) {
    return flags.containsKey(flag);
  }

  @Nullable
  String value(String flag) {
    List<String> values = flags.get(flag);
    if (values == null) {
      return null;
    }
    if (values.size() > 1) {
      throw new UsageException(flag + " is given " + values.size() + " times; give it once");
    }
    return values.get(0);
  }

  List<String> values(String flag) {
    return flags.getOrDefault(flag, List.of());
  }

  @Nullable
  Path path(String flag) {
    String value = value(flag);
    return value == null ? null : Path.of(value);
  }

  @Nullable
  Duration duration(String flag) {
    String value = value(flag);
    if (value == null) {
      return null;
    }
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new UsageException(flag + ": " + e.getMessage());
    }
  }
}
