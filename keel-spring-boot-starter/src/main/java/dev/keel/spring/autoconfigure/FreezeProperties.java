package dev.keel.spring.autoconfigure;

import java.time.LocalDateTime;
import javax.annotation.Nullable;

/** An operator's change freeze: absolute ({@code from}/{@code until}) or recurring ({@code days}/{@code hours}). Part of {@link KeelProperties}. */
public class FreezeProperties {
  private String scope = "GLOBAL";
  @Nullable private String target;
  @Nullable private String reason;
  @Nullable private LocalDateTime from;
  @Nullable private LocalDateTime until;
  @Nullable private String days;
  @Nullable private String hours;
  @Nullable private String tz;

  /** @return GLOBAL, ACCOUNT or APPLICATION */
  public String getScope() {
    return scope;
  }

  /** @param scope GLOBAL, ACCOUNT or APPLICATION */
  public void setScope(String scope) {
    this.scope = scope;
  }

  /** @return the account or application; none for a global freeze */
  @Nullable
  public String getTarget() {
    return target;
  }

  /** @param target the account or application */
  public void setTarget(@Nullable String target) {
    this.target = target;
  }

  /** @return why */
  @Nullable
  public String getReason() {
    return reason;
  }

  /** @param reason why */
  public void setReason(@Nullable String reason) {
    this.reason = reason;
  }

  /** @return the start of an absolute freeze */
  @Nullable
  public LocalDateTime getFrom() {
    return from;
  }

  /** @param from the start of an absolute freeze */
  public void setFrom(@Nullable LocalDateTime from) {
    this.from = from;
  }

  /** @return the end of an absolute freeze */
  @Nullable
  public LocalDateTime getUntil() {
    return until;
  }

  /** @param until the end of an absolute freeze */
  public void setUntil(@Nullable LocalDateTime until) {
    this.until = until;
  }

  /** @return the days of a recurring freeze */
  @Nullable
  public String getDays() {
    return days;
  }

  /** @param days the days of a recurring freeze, such as {@code Sat-Sun} */
  public void setDays(@Nullable String days) {
    this.days = days;
  }

  /** @return the hours of a recurring freeze */
  @Nullable
  public String getHours() {
    return hours;
  }

  /** @param hours the hours of a recurring freeze, such as {@code 18-06} */
  public void setHours(@Nullable String hours) {
    this.hours = hours;
  }

  /** @return the time zone */
  @Nullable
  public String getTz() {
    return tz;
  }

  /** @param tz the time zone; UTC when unset */
  public void setTz(@Nullable String tz) {
    this.tz = tz;
  }
}
