package app.registrar.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signed JSON against the Matrix spec's own signing examples (appendices, "Signing JSON": the key with seed
 * {@code YJDBA9Xnr2sVqXD9Vj7XVUnmFZcZrlw8Md7kMW+3XA1}) and one object signed by Python's {@code signedjson}, so the
 * canonical form and the signature check are measured against independent implementations.
 */
class SignedJsonTest {

    private static final String SPEC_KEY = "XGX0JRS2Af3be3knz2fBiRbApjm2Dh61gXDJA8kcJNI";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void theSpecsSignedEmptyObjectVerifies() throws Exception {
        JsonNode signed = json("{\"signatures\":{\"domain\":{\"ed25519:1\":"
                + "\"K8280/U9SSy9IVtjBuVeLr+HpOB4BQFWbg+UZaADMtTdGYI7Geitb76LTrr5QV/7Xg4ahLwYGYZzuHGZKM5ZAQ\"}}}");

        assertThat(SignedJson.isSignedBy(signed, "domain", "1", SPEC_KEY)).isTrue();
    }

    @Test
    void theSpecsSignedObjectVerifiesAndFailsOnceAValueChanges() throws Exception {
        ObjectNode signed = (ObjectNode) json("{\"two\":\"Two\",\"one\":1,\"signatures\":{\"domain\":{\"ed25519:1\":"
                + "\"KqmLSbO39/Bzb0QIYE82zqLwsA+PDzYIpIRA2sRQ4sL53+sN6/fpNSoqE7BP7vBZhG6kYdD13EIMJpvhJI+6Bw\"}}}");

        assertThat(SignedJson.isSignedBy(signed, "domain", "1", SPEC_KEY)).isTrue();
        signed.put("one", 2);
        assertThat(SignedJson.isSignedBy(signed, "domain", "1", SPEC_KEY)).isFalse();
    }

    @Test
    void escapesNonAsciiAndIgnoresUnsignedLikePythonSignedjson() throws Exception {
        JsonNode signed = json("{\"b\":\"\u00e9\\n\\\"x\",\"a\":[true,null,-3],\"unsigned\":{\"x\":1},"
                + "\"signatures\":{\"domain\":{\"ed25519:1\":"
                + "\"aBDXaUX5f4SpilYZHHgsUZLahl/5Dw+itRADWkVJ0/OgYPwaJbQKpNT6WbI9Dc2VwqOCHg5upQoVco/6B/qSAg\"}}}");

        assertThat(SignedJson.canonical(((ObjectNode) signed.deepCopy()).without(List.of("signatures", "unsigned"))))
                .isEqualTo("{\"a\":[true,null,-3],\"b\":\"\u00e9\\n\\\"x\"}");
        assertThat(SignedJson.isSignedBy(signed, "domain", "1", SPEC_KEY)).isTrue();
    }

    @Test
    void aSignatureByAnotherKeyOrAMalformedOneDoesNotCount() throws Exception {
        JsonNode signed = json("{\"signatures\":{\"domain\":{\"ed25519:1\":"
                + "\"K8280/U9SSy9IVtjBuVeLr+HpOB4BQFWbg+UZaADMtTdGYI7Geitb76LTrr5QV/7Xg4ahLwYGYZzuHGZKM5ZAQ\"}}}");

        assertThat(SignedJson.isSignedBy(signed, "domain", "1", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).isFalse();
        assertThat(SignedJson.isSignedBy(signed, "other", "1", SPEC_KEY)).isFalse();
        assertThat(SignedJson.verify(SPEC_KEY, "not base64 !", new byte[0])).isFalse();
    }
}
