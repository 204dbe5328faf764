package app.registrar.service;

import app.registrar.api.Connection;
import app.registrar.api.Device;
import app.registrar.api.ExternalId;
import app.registrar.api.FileFault;
import app.registrar.api.RemovalPreview;
import app.registrar.api.UserDetails;
import app.registrar.api.UserPage;
import app.registrar.api.UserQuery;
import app.registrar.api.UserUpdate;
import app.registrar.store.AccountStore;
import app.registrar.store.Capabilities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The account tasks view models call: each one an {@link AccountStore} call run off the JavaFX thread, cancellable,
 * with its result delivered where the executor delivers (the JavaFX thread in the app).
 */
public final class AccountService {

    private final Tasks tasks;
    private final ConnectionService connection;

    public AccountService(TaskExecutor executor, ConnectionService connection) {
        this.tasks = new Tasks(executor, connection::reportFailure);
        this.connection = connection;
    }

    private AccountStore api() {
        return connection.accountStore();
    }

    /** What the signed-in server lets Registrar do (MAS or Synapse, Synapse's admin API reachable or not). */
    /**
     * Whether this session reaches Synapse's admin API (suspend, shadow-ban, rooms): false only for a MAS client
     * signed in with ID and secret. Read from the session, no request; true before anyone signed in.
     */
    public boolean reachesSynapse() {
        return connection.mas().map(MasConnection::synapseAdmin).orElse(true);
    }

    public Capabilities capabilities() {
        return connection.accountStore().capabilities();
    }

    public TaskExecutor executor() {
        return tasks.executor();
    }

    /** Runs {@code listener}, held weakly, when any call finds the homeserver unreachable or failing (see {@link ConnectionService#onServerTrouble}). */
    public void onServerTrouble(Runnable listener) {
        connection.onServerTrouble(listener);
    }

    public BackgroundTask<UserPage> listUsers(UserQuery query) {
        return tasks.of(() -> api().listUsers(query));
    }

    public BackgroundTask<UserDetails> getUser(String userId) {
        return tasks.of(() -> api().getUser(userId));
    }

    public BackgroundTask<Optional<UserDetails>> findUser(String userId) {
        return tasks.of(() -> api().findUser(userId));
    }

    public BackgroundTask<Boolean> isUsernameAvailable(String localpart) {
        return tasks.of(() -> api().isUsernameAvailable(localpart));
    }

    public BackgroundTask<UserDetails> createUser(String userId, UserUpdate fields) {
        return tasks.of(() -> api().createUser(userId, fields));
    }

    /**
     * Saves an edit: the changed fields, then each email and SSO identity added or removed one by one, so the
     * server's whole-list replacement can never drop one the admin did not remove.
     */
    public BackgroundTask<UserDetails> saveUser(String userId, UserUpdate fields, List<String> emailsToAdd,
                                                List<String> emailsToRemove, List<ExternalId> idsToAdd,
                                                List<ExternalId> idsToRemove) {
        return tasks.of(() -> {
            AccountStore api = api();
            UserDetails result = api.modifyUser(userId, fields);
            for (String email : emailsToRemove) {
                result = api.removeEmail(userId, email);
            }
            for (String email : emailsToAdd) {
                result = api.addEmail(userId, email);
            }
            for (ExternalId id : idsToRemove) {
                result = api.removeExternalId(userId, id);
            }
            for (ExternalId id : idsToAdd) {
                result = api.addExternalId(userId, id);
            }
            return result;
        });
    }

    public BackgroundTask<Void> resetPassword(String userId, String newPassword, boolean logoutDevices) {
        return tasks.run(() -> api().resetPassword(userId, newPassword, logoutDevices));
    }

    public BackgroundTask<Boolean> deactivate(String userId, boolean erase) {
        return tasks.of(() -> api().deactivate(userId, erase));
    }

    public BackgroundTask<UserDetails> reactivate(String userId, String newPasswordOrNull) {
        return tasks.of(() -> api().reactivate(userId, newPasswordOrNull));
    }

    public BackgroundTask<UserDetails> setLocked(String userId, boolean locked) {
        return tasks.of(() -> api().setLocked(userId, locked));
    }

    /** Grants or removes server admin rights (the Undo of a change made in the editor). */
    public BackgroundTask<UserDetails> setAdmin(String userId, boolean admin) {
        return tasks.of(() -> api().modifyUser(userId, new UserUpdate().admin(admin)));
    }

    public BackgroundTask<UserDetails> setSuspended(String userId, boolean suspended) {
        return tasks.of(() -> {
            api().setSuspended(userId, suspended);
            return api().getUser(userId);
        });
    }

    public BackgroundTask<UserDetails> setShadowBanned(String userId, boolean shadowBanned) {
        return tasks.of(() -> {
            api().setShadowBanned(userId, shadowBanned);
            return api().getUser(userId);
        });
    }

    public BackgroundTask<List<Device>> devices(String userId) {
        return tasks.of(() -> api().devices(userId));
    }

    public BackgroundTask<Void> deleteDevice(String userId, String deviceId) {
        return tasks.run(() -> api().deleteDevice(userId, deviceId));
    }

    public BackgroundTask<List<Connection>> whois(String userId) {
        return tasks.of(() -> api().whois(userId));
    }

    /** What deactivating {@code userId} would take away (rooms, devices, emails, media), read before confirming. */
    /**
     * Gives the audit entry of a change whose answer was lost its real outcome, once a read-back told whether the
     * change was made ({@link app.registrar.audit.AuditTrail#settle}).
     */
    public BackgroundTask<Void> settleAudit(String target, boolean happened, String... actions) {
        return tasks.run(() -> connection.homeserver().ifPresent(server -> connection.audit()
                .settle(server.baseUrl().toString(), target, Set.of(actions), happened)));
    }

    /**
     * Gives the audit entry of a change whose answer was lost the outcome "done" once the very same change was sent
     * again and accepted (a password cannot be read back, but the account now has the one the admin chose).
     */
    public BackgroundTask<Void> settleAuditBySendingAgain(String target, String action) {
        return tasks.run(() -> connection.homeserver().ifPresent(server -> connection.audit()
                .settle(server.baseUrl().toString(), target, Set.of(action), true,
                        "the same change was sent again and accepted")));
    }

    public BackgroundTask<RemovalPreview> removalPreview(String userId) {
        return tasks.of(() -> api().removalPreview(userId, 5));
    }

    public BackgroundTask<Long> joinedRoomCount(String userId) {
        return tasks.of(() -> api().joinedRoomCount(userId));
    }

    public BackgroundTask<byte[]> thumbnail(String mxcUri, int size) {
        return tasks.of(() -> api().thumbnail(mxcUri, size, size));
    }

    /**
     * Reads a picture the admin chose, off the JavaFX thread (a network drive can hang); empty when it is larger
     * than {@code maxBytes}, which is checked before reading. An unreadable file fails with its file category.
     */
    public BackgroundTask<Optional<byte[]>> readPicture(Path file, long maxBytes) {
        return tasks.of(() -> {
            try {
                return Files.size(file) > maxBytes ? Optional.empty() : Optional.of(Files.readAllBytes(file));
            } catch (IOException e) {
                throw FileFault.about(file, e);
            }
        });
    }

    public BackgroundTask<String> uploadAvatar(byte[] content, String contentType, String fileName) {
        return tasks.of(() -> api().uploadMedia(content, contentType, fileName));
    }
}
