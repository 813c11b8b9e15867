package dev.keel.spring.web;

import dev.keel.spring.api.KeelApi;
import dev.keel.spring.api.PromotionApi;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /application/{app}} (the view, pause, pin, veto, constraint judgements), {@code /environments/{app}} and
 * {@code /export/...}, on Keel's paths and with Keel's request bodies.
 */
@RestController
@org.springframework.web.bind.annotation.RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class ApplicationController {

  private static final String GATE_USER = DeliveryConfigController.GATE_USER;

  private final KeelApi configs;
  private final PromotionApi api;
  private final ActingUser users;

  ApplicationController(KeelApi api, ActingUser users) {
    this.configs = api;
    this.api = api.promotions();
    this.users = users;
  }

  @GetMapping("/application/{application}")
  Map<String, Object> application(@PathVariable("application") String application) {
    return api.application(application);
  }

  @GetMapping("/environments/{application}")
  List<Map<String, Object>> environments(@PathVariable("application") String application) {
    return api.environments(application);
  }

  @PostMapping("/application/{application}/pause")
  Map<String, Object> pause(@PathVariable("application") String application,
      @RequestParam(name = "comment", required = false) @Nullable String comment,
      @RequestHeader(name = GATE_USER, required = false) @Nullable String gateUser) {
    return configs.pauseApplication(application, true, users.of(gateUser), comment);
  }

  @DeleteMapping("/application/{application}/pause")
  Map<String, Object> resume(@PathVariable("application") String application,
      @RequestHeader(name = GATE_USER, required = false) @Nullable String gateUser) {
    return configs.pauseApplication(application, false, users.of(gateUser), null);
  }

  @PostMapping("/application/{application}/pin")
  Map<String, Object> pin(@PathVariable("application") String application,
      @RequestBody(required = false) @Nullable Map<String, Object> body,
      @RequestHeader(name = GATE_USER, required = false) @Nullable String gateUser) {
    return api.pin(application, Bodies.target(body, Bodies.required(body, "targetEnvironment"), "reference",
        "version"), users.of(gateUser));
  }

  @DeleteMapping("/application/{application}/pin/{targetEnvironment}")
  Map<String, Object> unpin(@PathVariable("application") String application,
      @PathVariable("targetEnvironment") String environment, @RequestParam("reference") String reference,
      @RequestHeader(name = GATE_USER, required = false) @Nullable String gateUser) {
    return api.unpin(application, environment, reference, users.of(gateUser));
  }

  @PostMapping("/application/{application}/veto")
  Map<String, Object> veto(@PathVariable("application") String application,
      @RequestBody(required = false) @Nullable Map<String, Object> body,
      @RequestHeader(name = GATE_USER, required = false) @Nullable String gateUser) {
    return api.veto(application, Bodies.target(body, Bodies.required(body, "targetEnvironment"), "reference",
        "version"), users.of(gateUser));
  }

  @DeleteMapping("/application/{application}/veto/{targetEnvironment}/{reference}/{version}")
  Map<String, Object> unveto(@PathVariable("application") String application,
      @PathVariable("targetEnvironment") String environment, @PathVariable("reference") String reference,
      @PathVariable("version") String version,
      @RequestHeader(name = GATE_USER, required = false) @Nullable String gateUser) {
    return api.unveto(application, environment, reference, version, users.of(gateUser));
  }

  @PostMapping("/application/{application}/environment/{environment}/constraint")
  Map<String, Object> judge(@PathVariable("application") String application,
      @PathVariable("environment") String environment,
      @RequestBody(required = false) @Nullable Map<String, Object> body,
      @RequestHeader(name = GATE_USER, required = false) @Nullable String gateUser) {
    return api.judge(application, Bodies.target(body, environment, "artifactReference", "artifactVersion"),
        Bodies.required(body, "type"), Bodies.required(body, "status"), users.of(gateUser));
  }

  @GetMapping("/export/{cloudProvider}/{account}/{type}/{name}")
  Map<String, Object> export(@PathVariable("cloudProvider") String cloudProvider,
      @PathVariable("account") String account, @PathVariable("type") String type, @PathVariable("name") String name,
      @RequestParam(name = "regions", required = false) @Nullable List<String> regions,
      @RequestHeader(name = GATE_USER, required = false) @Nullable String gateUser) {
    return api.export(cloudProvider, account, type, name, regions == null ? List.of() : regions, users.of(gateUser));
  }
}
