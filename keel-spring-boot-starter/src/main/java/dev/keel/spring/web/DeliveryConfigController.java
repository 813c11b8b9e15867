package dev.keel.spring.web;

import dev.keel.spring.api.KeelApi;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /delivery-configs}: submit (YAML or JSON), read, delete, validate and diff delivery configs. */
@RestController
@RequestMapping(path = "/delivery-configs", produces = MediaType.APPLICATION_JSON_VALUE)
class DeliveryConfigController {

  static final String GATE_USER = "X-SPINNAKER-USER";
  private static final String DEFAULT_SOURCE = "delivery-config.yml";

  private final KeelApi api;
  private final ActingUser users;

  DeliveryConfigController(KeelApi api, ActingUser users) {
    this.api = api;
    this.users = users;
  }

  @PostMapping
  Map<String, Object> submit(@RequestBody(required = false) @Nullable String body,
      @RequestParam(name = "source", defaultValue = DEFAULT_SOURCE) String source,
      @RequestHeader(name = GATE_USER, required = false) @Nullable String gateUser) {
    return api.submit(body == null ? "" : body, source, users.of(gateUser));
  }

  @PostMapping("/validate")
  Map<String, Object> validate(@RequestBody(required = false) @Nullable String body,
      @RequestParam(name = "source", defaultValue = DEFAULT_SOURCE) String source) {
    return api.validate(body == null ? "" : body, source);
  }

  @PostMapping("/diff")
  List<Map<String, Object>> diff(@RequestBody(required = false) @Nullable String body,
      @RequestParam(name = "source", defaultValue = DEFAULT_SOURCE) String source) {
    return api.diff(body == null ? "" : body, source);
  }

  @GetMapping("/{name}")
  Map<String, Object> get(@PathVariable("name") String name) {
    return api.deliveryConfig(name);
  }

  @GetMapping("/application/{application}")
  Map<String, Object> ofApplication(@PathVariable("application") String application) {
    return api.deliveryConfigOfApplication(application);
  }

  @DeleteMapping("/{name}")
  Map<String, Object> delete(@PathVariable("name") String name,
      @RequestHeader(name = GATE_USER, required = false) @Nullable String gateUser) {
    return api.delete(name, users.of(gateUser));
  }
}
