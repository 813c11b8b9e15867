package dev.keel.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What templates, instantiations, {@code like} and overrides expand to. */
class TemplateExpansionTest {

  private final ConfigReader reader = TemplateKinds.reader();

  static final String SERVICE = """
      application: fnord
      templates:
        service:
          kind: test/service@v1
          parameters:
            size: int
            image: {type: string, default: "fnord:1"}
            listeners: {type: list, default: []}
          spec:
            moniker: {app: "${application}", stack: "${environment.name}"}
            image: ${image}
            capacity: {min: "${size}", max: "${size}"}
            listeners: ${listeners}
            env: {ACCOUNT: "${environment.account}", LITERAL: "$${not-a-ref}", SIZE: "size-${size}"}
      environments:
      - name: test
        locations: {account: test-account, regions: [{name: us-east-1}]}
        resources:
        - template: service
          with: {size: 1, listeners: [{port: 80, protocol: http}, {port: 81, protocol: http}]}
      - name: prod
        like: test
        locations: {account: prod-account, regions: [{name: us-east-1}, {name: us-west-2}]}
        changes:
          service:
            with: {size: 3}
            overrides:
              listeners: [{port: 80, protocol: https, certificate: cert}, {port: 443, protocol: https}]
              env: {EXTRA: x, LITERAL: null}
      """;

  private static TemplateKinds.Service spec(DeliveryConfig config, String env) {
    return (TemplateKinds.Service) config.environment(env).resources().get(0).spec();
  }

  @Test
  void anInstantiationWritesItsArgumentsTheirTypesKeptAndTheEnvironmentsValuesIntoTheTemplate() {
    DeliveryConfig config = reader.read(SERVICE, "service.yml");

    TemplateKinds.Service test = spec(config, "test");
    assertThat(test.moniker().toName()).isEqualTo("fnord-test");
    assertThat(test.capacity()).isEqualTo(new TemplateKinds.Capacity(1, 1, null));
    assertThat(test.image()).isEqualTo("fnord:1");
    assertThat(test.listeners()).extracting(TemplateKinds.Listener::port).containsExactly(80, 81);
    assertThat(test.env()).containsEntry("ACCOUNT", "test-account").containsEntry("LITERAL", "${not-a-ref}")
        .containsEntry("SIZE", "size-1");
    assertThat(config.environment("test").resources().get(0).id()).isEqualTo("test:service:test-account:fnord-test");
  }

  @Test
  void anEnvironmentLikeAnotherInstantiatesItsResourcesWithItsOwnValuesChangesAndOverrides() {
    DeliveryConfig config = reader.read(SERVICE, "service.yml");

    TemplateKinds.Service prod = spec(config, "prod");
    assertThat(prod.moniker().toName()).isEqualTo("fnord-prod");
    assertThat(prod.locations().account()).isEqualTo("prod-account");
    assertThat(prod.capacity()).isEqualTo(new TemplateKinds.Capacity(3, 3, null));
    assertThat(prod.listeners()).as("keyed by port: 80 merged, 81 kept, 443 added").containsExactly(
        new TemplateKinds.Listener(80, "https", "cert"), new TemplateKinds.Listener(81, "http", null),
        new TemplateKinds.Listener(443, "https", null));
    assertThat(prod.env()).containsEntry("ACCOUNT", "prod-account").containsEntry("EXTRA", "x")
        .doesNotContainKey("LITERAL");
  }

  @Test
  void aListWhoseElementsHaveNoKeyIsReplacedByAnOverride() {
    DeliveryConfig config = reader.read("""
        application: fnord
        templates:
          service:
            kind: test/service@v1
            spec: {moniker: {app: fnord}, tags: [a, b]}
        environments:
        - name: test
          locations: {account: test, regions: [{name: us-east-1}]}
          resources:
          - template: service
            overrides: {tags: [c]}
        """, "tags.yml");

    assertThat(spec(config, "test").tags()).containsExactly("c");
  }

  @Test
  void eachExpandedResourceRecordsItsTemplateInstantiationLikeChainArgumentsAndOverrides() {
    DeliveryConfig config = reader.read(SERVICE, "service.yml");

    Resource<?> prod = config.environment("prod").resources().get(0);
    TemplateProvenance p = TemplateProvenance.of(prod).orElseThrow();
    assertThat(p.template()).isEqualTo("service");
    assertThat(p.templateAt()).isEqualTo("service.yml:3:3");
    assertThat(p.declaredIn()).isEqualTo("test");
    assertThat(p.declaredAt()).isEqualTo("service.yml:19:5");
    assertThat(p.like()).containsExactly("test");
    assertThat(p.arguments()).containsExactly("listeners", "size");
    assertThat(p.overrides()).extracting(TemplateProvenance.AppliedOverride::path)
        .containsExactly("listeners", "env.EXTRA", "env.LITERAL");
    assertThat(p.overrides().get(0).at()).isEqualTo("service.yml:28:9");
    assertThat(TemplateProvenance.of(config.environment("test").resources().get(0)).orElseThrow().like()).isEmpty();
    assertThat(prod.metadataString(Resource.ENVIRONMENT)).isEqualTo("prod");
  }

  @Test
  void provenanceSurvivesAStoreThatKeepsMetadataAsPlainValues() {
    DeliveryConfig config = reader.read(SERVICE, "service.yml");
    TemplateProvenance p = TemplateProvenance.of(config.environment("prod").resources().get(0)).orElseThrow();

    Object roundTripped = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(p.toMetadata(), Map.class);

    assertThat(TemplateProvenance.fromMetadata(roundTripped)).contains(p);
    assertThat(TemplateProvenance.fromMetadata("not a map")).isEmpty();
  }

  @Test
  void aChainOfLikeCopiesThroughEachEnvironmentAndAppliesEveryChangeInOrder() {
    DeliveryConfig config = reader.read("""
        application: fnord
        templates:
          service:
            kind: test/service@v1
            parameters: {size: int}
            spec: {moniker: {app: fnord, stack: "${environment.name}"}, capacity: {min: 1, max: "${size}"}}
        environments:
        - name: production
          like: staging
          locations: {account: prod, regions: [{name: us-east-1}]}
          changes: {service: {with: {size: 9}}}
        - name: staging
          like: test
          locations: {account: staging, regions: [{name: us-east-1}]}
          changes: {service: {overrides: {canary: true}}}
        - name: test
          locations: {account: test, regions: [{name: us-east-1}]}
          resources:
          - {template: service, with: {size: 2}}
        """, "chain.yml");

    TemplateKinds.Service production = spec(config, "production");
    assertThat(production.capacity().max()).isEqualTo(9);
    assertThat(production.canary()).isTrue();
    assertThat(spec(config, "staging").capacity().max()).isEqualTo(2);
    assertThat(spec(config, "test").canary()).isNull();
    assertThat(TemplateProvenance.of(config.environment("production").resources().get(0)).orElseThrow().like())
        .containsExactly("staging", "test");
  }

  @Test
  void plainResourcesAreCopiedByLikeAndTheEnvironmentsLocationsFillThem() {
    DeliveryConfig config = reader.read("""
        application: fnord
        environments:
        - name: test
          locations: {account: test, regions: [{name: us-east-1}]}
          resources:
          - name: sg
            kind: ec2/security-group@v1
            spec: {moniker: {app: fnord}, description: d}
        - name: prod
          like: test
          locations: {account: prod, regions: [{name: us-east-1}]}
          changes: {sg: {overrides: {description: production}}}
        """, "plain.yml");

    Resource<?> prod = config.environment("prod").resources().get(0);
    assertThat(prod.id()).isEqualTo("ec2:security-group:prod:fnord");
    assertThat(((TestKinds.SecurityGroup) prod.spec()).description()).isEqualTo("production");
    assertThat(TemplateProvenance.of(prod).orElseThrow().template()).isNull();
    assertThat(TemplateProvenance.of(config.environment("test").resources().get(0))).isEmpty();
  }

  @Test
  void aNamedInstantiationCanUseOneTemplateTwiceInAnEnvironment() {
    DeliveryConfig config = reader.read("""
        application: fnord
        templates:
          service:
            kind: test/service@v1
            parameters: {stack: string}
            spec: {moniker: {app: fnord, stack: "${stack}"}}
        environments:
        - name: test
          locations: {account: test, regions: [{name: us-east-1}]}
          resources:
          - {template: service, name: api, with: {stack: api}}
          - {template: service, name: web, with: {stack: web}}
        """, "twice.yml");

    assertThat(config.environment("test").resources()).extracting(Resource::id)
        .containsExactly("test:service:test:fnord-api", "test:service:test:fnord-web");
  }

  @Test
  void aWholeReferenceToANullArgumentLeavesThePropertyOut() {
    DeliveryConfig config = reader.read("""
        application: fnord
        templates:
          service:
            kind: test/service@v1
            parameters: {image: {type: string, default: null}}
            spec: {moniker: {app: fnord}, image: "${image}"}
        environments:
        - name: test
          locations: {account: test, regions: [{name: us-east-1}]}
          resources: [{template: service}]
        """, "null.yml");

    assertThat(spec(config, "test").image()).isNull();
  }

  @Test
  void aConfigWithoutTemplatesReadsAsBeforeAndRecordsNoProvenance() {
    String plain = """
        application: fnord
        environments:
        - name: test
          locations: {account: test, regions: [{name: us-east-1}]}
          resources:
          - kind: ec2/security-group@v1
            spec: {moniker: {app: fnord}, description: "${not-a-template}"}
        """;

    DeliveryConfig config = reader.read(plain, "plain.yml");

    Resource<?> sg = config.environment("test").resources().get(0);
    assertThat(((TestKinds.SecurityGroup) sg.spec()).description()).isEqualTo("${not-a-template}");
    assertThat(sg.metadata()).doesNotContainKey(TemplateProvenance.METADATA_KEY);
    assertThat(List.copyOf(sg.metadata().keySet())).containsExactly("application", "environment");
  }
}
