package app.registrar.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.AccessToken;
import app.registrar.api.AdminApi;
import app.registrar.api.Homeserver;
import app.registrar.model.PasswordPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, sections 3 and 4 for import rows: when a create's answer is lost and the read-back fails too (a fault the
 * real server will not give on demand), the row is "could not be confirmed", stays unknown in the journal, and the
 * next run looks it up before sending anything: the create is never sent twice.
 */
class ImportLostAnswerTest {

    private static final String ALICE = "@alice:example.org";
    private static final String ALICE_JSON = "{\"name\":\"@alice:example.org\",\"displayname\":\"Alice\",\"threepids\":[],"
            + "\"external_ids\":[],\"admin\":false,\"deactivated\":false}";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse reset() {
        return new MockResponse.Builder().code(200).addHeader("Content-Length", "500").body("{\"name\":")
                .onResponseBody(new SocketEffect.CloseSocket(true, true, true)).build();
    }

    private AdminApi api() {
        Homeserver homeserver = new Homeserver(server.url("/"));
        homeserver.useToken(new AccessToken("syt_bW9jaw_mockmockmockmock_0a1b2c"));
        return homeserver.admin();
    }

    private List<String> requests() throws InterruptedException {
        List<String> all = new ArrayList<>();
        RecordedRequest request;
        while ((request = server.takeRequest(200, TimeUnit.MILLISECONDS)) != null) {
            all.add(request.getMethod() + " " + request.getUrl().encodedPath());
        }
        return all;
    }

    @Test
    void aCreateWhoseAnswerAndReadBackAreLostIsUnconfirmedAndTheNextRunLooksItUpInsteadOfSendingAgain() throws Exception {
        Path csv = Files.writeString(dir.resolve("one.csv"), "user_id,displayname\nalice,Alice\n", StandardCharsets.UTF_8);
        ImportPreview preview = ImportFile.read(csv, "example.org", PasswordPolicy.none());
        ImportOptions options = new ImportOptions(ImportOptions.Existing.SKIP, false, 1);
        server.enqueue(json(404, "{\"errcode\":\"M_NOT_FOUND\",\"error\":\"User not found\"}")); // the import's look-up
        server.enqueue(json(404, "{\"errcode\":\"M_NOT_FOUND\",\"error\":\"User not found\"}")); // createUser's own check
        server.enqueue(reset());                                                                   // PUT: answer lost
        server.enqueue(reset());                                                                   // read-back lost too

        ImportReport first;
        boolean unknownInJournal;
        try (ImportJournal journal = ImportJournal.open(dir.resolve("j"), csv, server.url("/").toString())) {
            first = new CsvImporter(api()).run(preview, options, journal, null, new JobControl(), p -> { });
            unknownInJournal = journal.unknownCount() == 1;
        }
        List<String> firstRequests = requests();
        server.enqueue(json(200, ALICE_JSON));                                                     // the server has it
        ImportReport second;
        try (ImportJournal journal = ImportJournal.open(dir.resolve("j"), csv, server.url("/").toString())) {
            second = new CsvImporter(api()).run(preview, options, journal, null, new JobControl(), p -> { });
        }
        List<String> secondRequests = requests();

        assertThat(first.count(RowOutcome.UNCONFIRMED)).isEqualTo(1);
        assertThat(first.count(RowOutcome.FAILED)).isZero();
        assertThat(first.attention()).extracting(RowResult::outcome).containsExactly(RowOutcome.UNCONFIRMED);
        assertThat(unknownInJournal).isTrue();
        assertThat(firstRequests).filteredOn(r -> r.startsWith("PUT")).hasSize(1);
        assertThat(second.count(RowOutcome.CREATED)).isEqualTo(1);
        assertThat(secondRequests).containsExactly("GET /_synapse/admin/v2/users/%40alice%3Aexample.org");
    }
}
