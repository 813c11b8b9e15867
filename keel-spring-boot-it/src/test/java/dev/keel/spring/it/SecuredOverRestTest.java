package dev.keel.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.event.ApplicationEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.spring.it.RunningHost.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Keel's REST API in an application secured by Spring Security (HTTP basic, {@link SecuredHost}), with the Gate header
 * not trusted: the acting user is the authenticated one, whatever {@code X-SPINNAKER-USER} says; a write by nobody (or
 * with a wrong password) is refused by the host's security with 401 and a write the authorizer refuses is 403, both leaving every row of Keel's tables as
 * it was. Tagged {@code spring-security}: it runs in its own surefire execution, the only one with Spring Security on the
 * class path.
 */
@Tag("spring-security")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredOverRestTest {

  private static final String GROUP = "ec2:security-group:test:fnord";

  private RunningHost host;

  @BeforeAll
  void start() {
    host = RunningHost.start(SecuredHost.class, "keel.security.trust-gate-header=false");
    Fnord.prepareClouds(host.engine());
    Reply submitted = host.send("POST", "/delivery-configs?source=fnord.yml", "application/x-yaml", Fnord.text(),
        basic(SecuredHost.ALICE, SecuredHost.ALICE_PASSWORD));
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
  }

  @AfterAll
  void stop() {
    host.close();
  }

  private static Map<String, String> basic(String user, String password) {
    return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8)));
  }

  private static Map<String, String> with(Map<String, String> headers, String name, String value) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put(name, value);
    return all;
  }

  @Test
  void anAuthenticatedWriteIsRecordedUnderTheAuthenticatedUser() {
    Reply submitted = host.send("POST", "/delivery-configs?source=fnord.yml", "application/x-yaml",
        Fnord.text().replace("m5.large", "m5.xlarge"), basic(SecuredHost.ALICE, SecuredHost.ALICE_PASSWORD));

    assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
    assertThat(submitted.json().get("submittedBy").asText()).isEqualTo(SecuredHost.ALICE);
    assertThat(WhoDidIt.of(host.engine(), "ec2:cluster:test:fnord-main", ApplicationEvent.ConfigSubmitted.class))
        .isNotEmpty().containsOnly(SecuredHost.ALICE);
  }

  @Test
  void theGateHeaderIsIgnoredWhenSpringSecurityKnowsTheUser() {
    Map<String, String> aliceClaimingToBeBob = with(basic(SecuredHost.ALICE, SecuredHost.ALICE_PASSWORD),
        "X-SPINNAKER-USER", "bob@example.com");

    Reply paused = host.send("POST", "/resources/" + GROUP + "/pause", "application/json", "", aliceClaimingToBeBob);
    Reply resumed = host.send("DELETE", "/resources/" + GROUP + "/pause", null, null, aliceClaimingToBeBob);

    assertThat(paused.status()).as(paused.text()).isEqualTo(200);
    assertThat(paused.json().get("by").asText()).isEqualTo(SecuredHost.ALICE);
    assertThat(resumed.status()).as(resumed.text()).isEqualTo(200);
    assertThat(WhoDidIt.of(host.engine(), GROUP, ResourceEvent.ActuationPaused.class))
        .containsExactly(SecuredHost.ALICE);
    assertThat(WhoDidIt.of(host.engine(), GROUP, ResourceEvent.ActuationResumed.class))
        .containsExactly(SecuredHost.ALICE);
    assertThat(host.engine().history(GROUP).toString()).doesNotContain("bob@example.com");
  }

  @Test
  void unauthenticatedWritesAre401FromTheHostsSecurityAndTheStoreIsUnchanged() {
    Map<String, List<String>> before = host.storeRows();
    assertThat(before.values().stream().mapToInt(List::size).sum()).isPositive();

    List<Reply> refused = List.of(
        host.send("POST", "/application/fnord/pause", "application/json", "", Map.of()),
        host.send("POST", "/application/fnord/pause", "application/json", "",
            Map.of("X-SPINNAKER-USER", SecuredHost.ALICE)),
        host.send("DELETE", "/delivery-configs/fnord-manifest", null, null,
            basic(SecuredHost.ALICE, "not-" + SecuredHost.ALICE_PASSWORD)),
        host.send("POST", "/delivery-configs", "application/x-yaml", Fnord.text().replace("m5.large", "m5.2xlarge"),
            Map.of()));

    assertThat(refused).allSatisfy(r -> assertThat(r.status()).as(r.text()).isEqualTo(401));
    assertThat(host.storeRows()).isEqualTo(before);
    assertThat(host.get("/delivery-configs/fnord-manifest").status()).isEqualTo(200);
  }

  @Test
  void aUserTheAuthorizerRefusesIs403AndTheStoreIsUnchanged() {
    Map<String, List<String>> before = host.storeRows();
    Map<String, String> mallory = basic(TestHost.REFUSED, SecuredHost.REFUSED_PASSWORD);

    List<Reply> refused = List.of(
        host.send("POST", "/application/fnord/pause", "application/json", "", mallory),
        host.send("DELETE", "/delivery-configs/fnord-manifest", null, null, mallory),
        host.send("POST", "/delivery-configs", "application/x-yaml", Fnord.text().replace("m5.large", "m5.4xlarge"),
            mallory));

    assertThat(refused).allSatisfy(r -> {
      assertThat(r.status()).as(r.text()).isEqualTo(403);
      assertThat(r.json().get("message").asText()).contains(TestHost.REFUSED);
    });
    assertThat(host.storeRows()).isEqualTo(before);
  }
}
