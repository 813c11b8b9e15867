package dev.keel.engine.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Binds one subtree to a class with Jackson and turns every failure into a located problem. Unknown
 * properties are collected, all of them, rather than stopping at the first.
 */
final class TypedBinder {

  private static final Pattern QUALIFIED = Pattern.compile("`(?:[a-z0-9_]+\\.)+([A-Za-z0-9_$]+)`");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final ObjectMapper mapper;

  TypedBinder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** An unknown property met while binding, with its path relative to the bound subtree. */
  record Unknown(String relativePath, String name, List<String> known) {}

  /**
   * Binds {@code node} at {@code path}, reporting problems; returns null if anything was wrong.
   *
   * @param what how the value is named in messages, such as "spec of kind ec2/cluster@v1.1"
   */
  @Nullable
  <T> T bind(JsonNode node, Class<T> type, String path, String what, Problems problems) {
    List<Unknown> unknowns = new ArrayList<>();
    try {
      T value = mapper.readerFor(type).withHandler(new UnknownCollector(unknowns)).readValue(node);
      if (!unknowns.isEmpty()) {
        reportUnknown(unknowns, path, what, problems);
        return null;
      }
      if (value == null) {
        problems.add(path, "Missing " + what);
      }
      return value;
    } catch (JsonMappingException e) {
      reportUnknown(unknowns, path, what, problems);
      problems.add(join(path, relativePath(e.getPath())), messageOf(e));
      return null;
    } catch (IOException e) {
      problems.add(path, "Could not read " + what + ": " + e.getMessage());
      return null;
    }
  }

  private static void reportUnknown(List<Unknown> unknowns, String path, String what, Problems problems) {
    for (Unknown u : unknowns) {
      problems.add(join(path, u.relativePath()), "Unknown property '" + u.name() + "' in " + what
          + Suggestions.didYouMean(u.name(), u.known()) + ". Known properties here: " + String.join(", ", u.known()));
    }
  }

  static String join(String base, String relative) {
    if (relative.isEmpty()) {
      return base;
    }
    if (relative.startsWith("[")) {
      return base + relative;
    }
    return base.isEmpty() ? relative : base + "." + relative;
  }

  private static String relativePath(List<JsonMappingException.Reference> refs) {
    String p = "";
    for (JsonMappingException.Reference r : refs) {
      p = r.getFieldName() != null ? SourcePaths.field(p, r.getFieldName()) : SourcePaths.index(p, r.getIndex());
    }
    return p;
  }

  static String messageOf(JsonMappingException e) {
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      Throwable cause = e.getCause();
      String m = cause.getMessage();
      if (cause instanceof NullPointerException && m != null && IDENTIFIER.matcher(m).matches()) {
        return "Missing required property '" + m + "'";
      }
      return m == null ? cause.getClass().getSimpleName() : m;
    }
    String m = e.getOriginalMessage();
    int nl = m.indexOf('\n');
    m = nl > 0 ? m.substring(0, nl) : m;
    m = m.replaceAll(" \\(token `JsonToken\\.[A-Z_]+`\\)", "");
    return QUALIFIED.matcher(m).replaceAll("`$1`");
  }

  /** Records unknown properties and skips them, so binding goes on and finds the rest. */
  private static final class UnknownCollector extends DeserializationProblemHandler {
    private final List<Unknown> unknowns;

    UnknownCollector(List<Unknown> unknowns) {
      this.unknowns = unknowns;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
        Object beanOrClass, String propertyName) throws IOException {
      Collection<Object> known = deserializer == null ? List.of() : deserializer.getKnownPropertyNames();
      var names = new TreeSet<String>();
      if (known != null) {
        known.forEach(k -> names.add(String.valueOf(k)));
      }
      JsonStreamContext ctx = p.getParsingContext();
      if (p.currentToken() == JsonToken.START_ARRAY || p.currentToken() == JsonToken.START_OBJECT) {
        ctx = ctx.getParent(); // the parser has already entered the unknown property's value
      }
      unknowns.add(new Unknown(pathOf(ctx), propertyName, List.copyOf(names)));
      p.skipChildren();
      return true;
    }

    private static String pathOf(JsonStreamContext ctx) {
      var segments = new ArrayList<JsonStreamContext>();
      for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
        segments.add(0, c);
      }
      String p = "";
      for (JsonStreamContext c : segments) {
        if (c.inObject() && c.getCurrentName() != null) {
          p = SourcePaths.field(p, c.getCurrentName());
        } else if (c.inArray()) {
          p = SourcePaths.index(p, c.getCurrentIndex());
        }
      }
      return p;
    }
  }
}
