package app.registrar.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;

/**
 * Reads Synapse's account listing ({@code {"users": [...], "total": N, "next_token": "..."}}) token by token with
 * Jackson's streaming parser, handing each row on as soon as it is read: memory stays one row deep whatever the page
 * size, which lets an export choose its page size for speed alone. Synapse writes the rows before the total.
 */
final class UserListReader {

    private static final ObjectReader ROW = Json.MAPPER.readerFor(UserSummary.class);

    private UserListReader() {
    }

    static StreamedPage read(JsonParser parser, UserRowSink sink) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(parser, "the account list is not a JSON object");
        }
        long total = 0;
        String nextToken = null;
        long rows = 0;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "users" -> {
                    if (value != JsonToken.START_ARRAY) {
                        parser.skipChildren();
                        continue;
                    }
                    JsonToken element;
                    while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                        if (element == null) {
                            throw new JsonParseException(parser, "the account list ended in the middle of its rows");
                        }
                        if (element == JsonToken.START_OBJECT) {
                            sink.accept(ROW.readValue(parser));
                            rows++;
                        } else {
                            parser.skipChildren();
                        }
                    }
                }
                case "total" -> total = parser.getValueAsLong();
                case "next_token" -> nextToken = value == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                default -> parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new JsonParseException(parser, "the account list ended early");
        }
        return new StreamedPage(total, nextToken, rows);
    }
}
