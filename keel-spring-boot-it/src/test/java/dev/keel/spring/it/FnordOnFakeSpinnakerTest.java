package dev.keel.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.spi.Simulator;
import dev.keel.testkit.VirtualScheduler;
import dev.keel.testkit.spinnaker.FakeSpinnaker;
import dev.keel.testkit.spinnaker.RecordedRequest;
import dev.keel.testkit.spinnaker.Service;
import dev.keel.titus.api.TitusCloud;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The starter's engine with the SDK's cloud plugins configured as in a Spinnaker service ({@code cloud: spinnaker},
 * Clouddriver's and Orca's URLs, through {@code keel.plugins.config[<id>]}): fnord.yml submitted over HTTP converges
 * on the fake Spinnaker (Clouddriver and Orca over HTTP, backed by the simulator plugins' clouds), the bake, the
 * security groups and both clusters' deployments submitted to Orca as tasks.
 */
class FnordOnFakeSpinnakerTest {

  private static final String USER = "alice@example.com";

  @Test
  void fnordConvergesThroughClouddriverAndOrcaOverHttp() {
    try (VirtualScheduler scheduler = new VirtualScheduler(TestHost.START);
        FakeSpinnaker spinnaker = FakeSpinnaker.builder(scheduler.clock()).start();
        RunningHost host = RunningHost.start(TestHost.class, scheduler, spinnakerCloud("dev.keel.ec2", spinnaker,
            "keel.plugins.config[dev.keel.ec2].baseImages.bionic.release=bionicbase-release-1")
            .toArray(String[]::new))) {
      for (Simulator s : host.engine().simulators()) {
        s.clouds().forEach((type, cloud) -> {
          if (cloud instanceof Ec2Cloud ec2) {
            spinnaker.serve(ec2);
          } else if (cloud instanceof TitusCloud titus) {
            spinnaker.serve(titus);
          }
        });
      }

      FnordView.submitJudgeAndConverge(host, USER);

      List<RecordedRequest> ops = spinnaker.requests(Service.ORCA).stream()
          .filter(r -> r.method().equals("POST") && r.path().equals("/ops")).toList();
      assertThat(ops).isNotEmpty().allSatisfy(r -> {
        assertThat(r.headers().get("x-spinnaker-user")).containsExactly("keel@spinnaker.io");
        assertThat(r.status()).isEqualTo(200);
      });
      assertThat(ops.stream().map(RecordedRequest::body).toList().toString()).contains("\"type\":\"bake\"")
          .contains("\"type\":\"upsertSecurityGroup\"").contains("\"type\":\"createServerGroup\"")
          .contains("\"cloudProvider\":\"titus\"");
      assertThat(spinnaker.requests(Service.CLOUDDRIVER)).isNotEmpty();
    }
  }

  private static List<String> spinnakerCloud(String ec2, FakeSpinnaker spinnaker, String extra) {
    List<String> props = new java.util.ArrayList<>(List.of(extra));
    for (String id : List.of(ec2, "dev.keel.titus")) {
      props.add("keel.plugins.config[" + id + "].simulated=false");
      props.add("keel.plugins.config[" + id + "].cloud=spinnaker");
      props.add("keel.plugins.config[" + id + "].clouddriverUrl=" + spinnaker.clouddriverUrl());
      props.add("keel.plugins.config[" + id + "].orcaUrl=" + spinnaker.orcaUrl());
    }
    return props;
  }
}
