package dev.keel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An allowed-times window without a tz: validate warns, plan says which zone the engine reads it in. */
class AllowedTimesZoneIT {

  @Test
  void validateWarnsAndPlanShowsTheDefaultZoneForAWindowWithoutTz(@TempDir Path dir) throws Exception {
    String fnord = Files.readString(Path.of(KeelProcess.example("configs/fnord.yml")));
    assertThat(fnord).contains("    tz: UTC\n");
    Path zoneless = dir.resolve("fnord-no-tz.yml");
    Files.writeString(zoneless, fnord.replace("    tz: UTC\n", ""));

    KeelProcess.Result validate = KeelProcess.run("validate", zoneless.toString());
    KeelProcess.Result plan = KeelProcess.run("plan", zoneless.toString());
    KeelProcess.Result explicit = KeelProcess.run("validate", KeelProcess.example("configs/fnord.yml"));

    assertThat(validate.exitCode()).as(validate.err()).isZero();
    assertThat(validate.err().lines()).containsExactly(zoneless + ": warning: environment production: allowed-times has no tz,"
        + " so its windows are read in America/Los_Angeles (the engine's defaultTimeZone); set tz to say which");
    assertThat(plan.out()).contains("allowed-times without tz (production) read in America/Los_Angeles (engine defaultTimeZone)");
    assertThat(explicit.err()).isEmpty();
  }
}
