package app.registrar.api;

import java.util.UUID;

final class TestSynapseNames {

    private TestSynapseNames() {
    }

    /** A registration token name no other test uses (tokens allow A-Z a-z 0-9 . _ ~ -). */
    static String token() {
        return "tok-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
