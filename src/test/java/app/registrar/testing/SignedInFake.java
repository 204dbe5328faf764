package app.registrar.testing;

import app.registrar.service.ManualTaskExecutor;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every fast view-model test starts from, as a JUnit extension ({@code @RegisterExtension}): a
 * {@link FakeHomeserver} served on a fresh local port, its admin signed in before each test (and before the test's
 * own {@code @BeforeEach}), every task run by hand on {@link #executor}, and the dialogs recorded.
 */
public final class SignedInFake implements BeforeEachCallback, AfterEachCallback {

    public final FakeHomeserver homeserver = new FakeHomeserver();
    public final ManualTaskExecutor executor = new ManualTaskExecutor();
    public final FakeDialogService dialogs = new FakeDialogService();
    private MockWebServer server;
    private FakeSession session;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        server = new MockWebServer();
        server.start();
        session = FakeSession.signIn(server, homeserver, executor);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
    }

    public FakeSession session() {
        return session;
    }

    /** The requests sent with {@code method} since sign-in, in order. */
    public List<RecordedRequest> sent(String method) {
        return homeserver.requests.stream().filter(r -> r.getMethod().equals(method)).toList();
    }
}
