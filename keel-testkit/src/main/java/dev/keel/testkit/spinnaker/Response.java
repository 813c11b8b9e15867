package dev.keel.testkit.spinnaker;

import java.nio.charset.StandardCharsets;
import javax.annotation.Nullable;

/**
 * A route handler's answer.
 *
 * @param status the status
 * @param body the body, or an empty array
 * @param contentType the content type, or null without a body
 */
record Response(int status, byte[] body, @Nullable String contentType) {

  static final String JSON = "application/json;charset=utf-8";

  static Response json(int status, String json) {
    return new Response(status, json.getBytes(StandardCharsets.UTF_8), JSON);
  }

  static Response empty(int status) {
    return new Response(status, new byte[0], null);
  }
}
