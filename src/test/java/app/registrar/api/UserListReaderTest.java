package app.registrar.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The listing's rows read field by field give what Jackson's data binding of {@link UserSummary} gives. */
@Tag("fast")
class UserListReaderTest {

    private static UserSummary byHand(String json) throws Exception {
        try (JsonParser parser = Json.MAPPER.createParser(json)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            return UserListReader.row(parser);
        }
    }

    @Test
    void everyKindOfRowReadsAsDataBindingReadsIt() throws Exception {
        List<String> rows = List.of(
                "{\"name\":\"@a:example.org\",\"displayname\":\"Ann\",\"avatar_url\":\"mxc://x/y\",\"is_guest\":false,"
                        + "\"admin\":true,\"user_type\":\"bot\",\"deactivated\":false,\"erased\":false,\"shadow_banned\":true,"
                        + "\"locked\":false,\"creation_ts\":1700000000123,\"last_seen_ts\":1700000005000,\"approved\":true}",
                "{\"name\":\"@b:example.org\",\"displayname\":null,\"avatar_url\":null,\"is_guest\":1,\"admin\":0,"
                        + "\"user_type\":null,\"deactivated\":1,\"erased\":true,\"creation_ts\":1600000000000,\"last_seen_ts\":null}",
                "{\"name\":\"@c:example.org\",\"new_field\":{\"nested\":[1,{\"admin\":true}]},\"tags\":[\"x\"],\"admin\":\"true\"}",
                "{\"creation_ts\":\"1700000000000\",\"name\":\"@d:example.org\",\"displayname\":42,\"locked\":null}",
                "{}");

        for (String row : rows) {
            assertThat(byHand(row)).as(row).isEqualTo(Json.MAPPER.readValue(row, UserSummary.class));
        }
        assertThat(byHand(rows.get(1)).guest()).isTrue();
        assertThat(byHand(rows.get(2)).admin()).isTrue();
    }

    @Test
    void aRowCutOffInsideIsAnErrorNotAShorterAccount() {
        assertThat(catchThrowable(() -> byHand("{\"name\":\"@a:example.org\",\"admin\":"))).isNotNull();
    }
}
