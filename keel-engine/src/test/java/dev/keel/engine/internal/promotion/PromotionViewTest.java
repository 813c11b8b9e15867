package dev.keel.engine.internal.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.store.InMemoryStore;
import dev.keel.spi.ArtifactView;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.VirtualMachineOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine's artifact view answers which artifact a stored config declares under a reference. */
class PromotionViewTest {

  @Test
  void theViewGivesTheArtifactAStoredConfigDeclaresUnderAReference() {
    InMemoryStore store = new InMemoryStore();
    Clock clock = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
    DebianArtifact fnord = new DebianArtifact("fnord", "fnord-ref", new VirtualMachineOptions("bionic", null,
        Set.of("us-east-1"), null, false), Set.of(), null);
    store.storeDeliveryConfig(new DeliveryConfig("fnord", null, null, List.of(fnord), List.of()), clock.instant());
    ArtifactView view = new Promotions(store, clock, List.of(), List.of(), id -> { }, name -> { }, 15).view();

    assertThat(view.artifact("fnord-manifest", "fnord-ref")).contains(fnord);
    assertThat(view.artifact("fnord-manifest", "other")).isEmpty();
    assertThat(view.artifact("unknown", "fnord-ref")).isEmpty();
    assertThat(ArtifactView.empty().artifact("fnord-manifest", "fnord-ref")).isEmpty();
  }
}
