package app.registrar.store;

import app.registrar.api.Connection;
import app.registrar.api.Device;
import app.registrar.api.ExternalId;
import app.registrar.api.RemovalPreview;
import app.registrar.api.StreamedPage;
import app.registrar.api.UserDetails;
import app.registrar.api.UserPage;
import app.registrar.api.UserQuery;
import app.registrar.api.UserRowSink;
import app.registrar.api.UserUpdate;
import java.util.List;
import java.util.Optional;

/**
 * Every account task, whichever server owns the accounts: Synapse itself ({@link SynapseAccountStore}) or Matrix
 * Authentication Service ({@link MasAccountStore}, which sends each task to the API that owns it). Services and bulk
 * engines call this, so no screen has to ask which kind of server it is talking to. Synchronous, thread-safe, and
 * every failure is a {@link app.registrar.api.MatrixApiException}; user IDs are full Matrix IDs.
 */
public interface AccountStore {

    /** What this server lets Registrar do beyond the common tasks. */
    Capabilities capabilities();

    UserPage listUsers(UserQuery query);

    /**
     * One page like {@link #listUsers}, each row handed to {@code sink} as it is read. A store that cannot stream
     * reads the page whole and hands its rows on; Synapse's streams them from the reply.
     */
    default StreamedPage streamUsers(UserQuery query, UserRowSink sink) {
        UserPage page = listUsers(query);
        page.users().forEach(sink::accept);
        return new StreamedPage(page.total(), page.nextToken(), page.users().size());
    }

    UserDetails getUser(String userId);

    Optional<UserDetails> findUser(String userId);

    boolean isUsernameAvailable(String localpart);

    Optional<String> findUserByThreepid(String medium, String address);

    Optional<String> findUserByExternalId(String authProvider, String externalId);

    UserDetails createUser(String userId, UserUpdate fields);

    UserDetails modifyUser(String userId, UserUpdate fields);

    UserDetails addEmail(String userId, String address);

    UserDetails removeEmail(String userId, String address);

    UserDetails addExternalId(String userId, ExternalId id);

    UserDetails removeExternalId(String userId, ExternalId id);

    void resetPassword(String userId, String newPassword, boolean logoutDevices);

    /** @return whether the server could unbind the account's emails from identity servers (Synapse only) */
    boolean deactivate(String userId, boolean erase);

    UserDetails reactivate(String userId, String newPasswordOrNull);

    UserDetails setLocked(String userId, boolean locked);

    UserDetails setAdmin(String userId, boolean admin);

    UserDetails setUserType(String userId, String userType);

    void setSuspended(String userId, boolean suspended);

    void setShadowBanned(String userId, boolean shadowBanned);

    List<Device> devices(String userId);

    void deleteDevice(String userId, String deviceId);

    void deleteDevices(String userId, List<String> deviceIds);

    List<Connection> whois(String userId);

    long joinedRoomCount(String userId);

    /** What deactivating {@code userId} would take away (rooms, the first {@code roomNames} names, devices, emails, media). */
    RemovalPreview removalPreview(String userId, int roomNames);

    String uploadMedia(byte[] content, String contentType, String fileName);

    byte[] thumbnail(String mxcUri, int width, int height);
}
