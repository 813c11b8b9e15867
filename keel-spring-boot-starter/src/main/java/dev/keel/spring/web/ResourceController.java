package dev.keel.spring.web;

import dev.keel.spring.api.KeelApi;
import java.util.Map;
import javax.annotation.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /resources/{id}}: a managed resource, its status, and pausing and resuming it. */
@RestController
@RequestMapping(path = "/resources", produces = MediaType.APPLICATION_JSON_VALUE)
class ResourceController {

  private final KeelApi api;
  private final ActingUser users;

  ResourceController(KeelApi api, ActingUser users) {
    this.api = api;
    this.users = users;
  }

  @GetMapping("/{id}")
  Map<String, Object> get(@PathVariable("id") String id) {
    return api.resource(id);
  }

  @GetMapping("/{id}/status")
  Map<String, Object> status(@PathVariable("id") String id) {
    return api.status(id);
  }

  @PostMapping("/{id}/pause")
  Map<String, Object> pause(@PathVariable("id") String id,
      @RequestParam(name = "comment", required = false) @Nullable String comment,
      @RequestHeader(name = DeliveryConfigController.GATE_USER, required = false) @Nullable String gateUser) {
    return api.pauseResource(id, true, users.of(gateUser), comment);
  }

  @DeleteMapping("/{id}/pause")
  Map<String, Object> resume(@PathVariable("id") String id,
      @RequestHeader(name = DeliveryConfigController.GATE_USER, required = false) @Nullable String gateUser) {
    return api.pauseResource(id, false, users.of(gateUser), null);
  }
}
