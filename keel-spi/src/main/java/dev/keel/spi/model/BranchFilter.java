package dev.keel.spi.model;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.annotation.Nullable;

/**
 * Selects branches by exact name, by prefix, or by a regular expression that must match the whole
 * branch name. Exactly one of the three is given.
 *
 * @param name an exact branch name, or null
 * @param startsWith a branch name prefix, or null
 * @param regex a regular expression matched against the whole branch name, or null
 */
public record BranchFilter(@Nullable String name, @Nullable String startsWith, @Nullable String regex) {

  /** Checks that exactly one criterion is given and that a regex compiles. */
  public BranchFilter {
    int given = (name != null ? 1 : 0) + (startsWith != null ? 1 : 0) + (regex != null ? 1 : 0);
    if (given != 1) {
      throw new IllegalArgumentException("A branch filter needs exactly one of 'name', 'startsWith' or 'regex'");
    }
    if (regex != null) {
      try {
        Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("Invalid branch regex '" + regex + "': " + e.getDescription());
      }
    }
  }

  /**
   * Whether a branch passes this filter.
   *
   * @param branch a branch name
   * @return true if it matches
   */
  public boolean matches(String branch) {
    if (name != null) {
      return name.equals(branch);
    }
    if (startsWith != null) {
      return branch.startsWith(startsWith);
    }
    return Pattern.compile(regex).matcher(branch).matches();
  }
}
