package app.registrar.testing;

import app.registrar.api.AdminApi;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the real-Synapse tests start from, as a JUnit extension ({@code @RegisterExtension}; static for a whole
 * class, else per test): the running test Synapse, its admin API, and a fresh random prefix under which the test
 * makes its accounts, so that tests never meet each other's accounts on the shared server. Ready before the
 * class's own {@code @BeforeAll} / {@code @BeforeEach}.
 */
public final class SynapseAdmin implements BeforeAllCallback, BeforeEachCallback {

    private final String tag;
    private TestSynapse synapse;
    private AdminApi admin;
    private String prefix;
    private SignedIn signedIn;

    /** {@code tag} starts every prefix, so that a leftover account says which test made it. */
    public SynapseAdmin(String tag) {
        this.tag = tag;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        connect(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        connect(context);
    }

    private void connect(ExtensionContext context) {
        if (synapse == null) {
            synapse = SynapseExtension.start(context);
            admin = synapse.signedInAdmin().admin();
            prefix = tag + UUID.randomUUID().toString().substring(0, 6);
        }
    }

    public TestSynapse synapse() {
        return synapse;
    }

    public AdminApi admin() {
        return admin;
    }

    public String prefix() {
        return prefix;
    }

    /** The user ID of the test's account {@code name}: {@code @<prefix>-<name>:<server name>}. */
    public String id(String name) {
        return "@" + prefix + "-" + name + ":" + synapse.serverName();
    }

    /** The app's services signed in as the admin, for view-model tests; signed in on first use. */
    public SignedIn signedIn() {
        if (signedIn == null) {
            signedIn = SignedIn.asAdmin(synapse);
        }
        return signedIn;
    }
}
