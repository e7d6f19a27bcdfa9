package dev.booking.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Collectors;

/** Strict JSON: unknown fields, wrong types and trailing garbage are refused, naming the field. */
final class Json {
    static final ObjectMapper MAPPER = strict(JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build());

    /** A number or a boolean where text is expected is a mistake, not an id. */
    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    private Json() {
    }

    static <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("malformed_json", "the request body must be a JSON object", null);
        }
        JsonParser parser = null;
        try {
            parser = MAPPER.createParser(body);
            T value = MAPPER.readValue(parser, type);
            if (value == null) {
                throw ProblemException.badRequest("malformed_json", "the request body must be a JSON object", null);
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ProblemException.badRequest("unknown_field", "unknown field '" + path(e) + "'", path(e));
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw ProblemException.badRequest("malformed_json", "the request body must be a JSON object", null);
            }
            throw ProblemException.badRequest("invalid_field", "field '" + field + "' has the wrong type", field);
        } catch (JsonMappingException e) {
            String field = deeper(path(e), fieldAt(parser));
            Throwable cause = e.getCause();
            if (cause instanceof dev.booking.domain.InvalidInput invalid) {
                throw ProblemException.badRequest("invalid_field", invalid.getMessage(), invalid.field());
            }
            throw ProblemException.badRequest("invalid_field", "field '" + field + "' is not valid", field);
        } catch (JacksonException e) {
            String field = fieldAt(parser); // ours: some refusals (a number too long) carry no parser
            throw ProblemException.badRequest("malformed_json", "the request body is not valid JSON"
                    + (field == null ? "" : " at '" + field + "'") + ": " + e.getOriginalMessage(), field);
        } catch (IOException e) {
            throw ProblemException.badRequest("malformed_json", "the request body could not be read", null);
        } finally {
            close(parser); // after the catch blocks, which read where it stopped
        }
    }

    private static void close(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // a parser over a byte array has nothing to fail on
            }
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The parser's place when it names a field inside the one the mapping names (a token it could not read there). */
    private static String deeper(String mapped, String parsed) {
        return parsed != null && (parsed.startsWith(mapped + ".") || parsed.startsWith(mapped + "[")) ? parsed : mapped;
    }

    /** The field whose value the parser could not read ({@code categories[0].capacity}), or null. */
    private static String fieldAt(JsonParser parser) {
        // only where it had read a field's name and could not read its value: after a value, the trouble
        // (a stray token, a trailing comma, the end) is not that field's
        if (parser == null || parser.currentToken() != JsonToken.FIELD_NAME) {
            return null;
        }
        Deque<String> segments = new ArrayDeque<>(); // from the root to where it stopped
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
             context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                segments.push(context.getCurrentName());
            } else if (context.inArray()) {
                segments.push("[" + Math.max(0, context.getCurrentIndex()) + "]");
            }
        }
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            path.append(path.length() > 0 && !segment.startsWith("[") ? "." : "").append(segment);
        }
        return path.length() == 0 ? null : path.toString();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
