package app.registrar.store;

import app.registrar.api.AdminApi;
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

/** Accounts that Synapse owns: every task through Synapse's admin API, as before MAS existed. */
public final class SynapseAccountStore implements AccountStore {

    private final AdminApi api;

    public SynapseAccountStore(AdminApi api) {
        this.api = api;
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.synapse();
    }

    @Override
    public UserPage listUsers(UserQuery query) {
        return api.listUsers(query);
    }

    @Override
    public StreamedPage streamUsers(UserQuery query, UserRowSink sink) {
        return api.streamUsers(query, sink);
    }

    @Override
    public UserDetails getUser(String userId) {
        return api.getUser(userId);
    }

    @Override
    public Optional<UserDetails> findUser(String userId) {
        return api.findUser(userId);
    }

    @Override
    public boolean isUsernameAvailable(String localpart) {
        return api.isUsernameAvailable(localpart);
    }

    @Override
    public Optional<String> findUserByThreepid(String medium, String address) {
        return api.findUserByThreepid(medium, address);
    }

    @Override
    public Optional<String> findUserByExternalId(String authProvider, String externalId) {
        return api.findUserByExternalId(authProvider, externalId);
    }

    @Override
    public UserDetails createUser(String userId, UserUpdate fields) {
        return api.createUser(userId, fields);
    }

    @Override
    public UserDetails modifyUser(String userId, UserUpdate fields) {
        return api.modifyUser(userId, fields);
    }

    @Override
    public UserDetails addEmail(String userId, String address) {
        return api.addEmail(userId, address);
    }

    @Override
    public UserDetails removeEmail(String userId, String address) {
        return api.removeEmail(userId, address);
    }

    @Override
    public UserDetails addExternalId(String userId, ExternalId id) {
        return api.addExternalId(userId, id);
    }

    @Override
    public UserDetails removeExternalId(String userId, ExternalId id) {
        return api.removeExternalId(userId, id);
    }

    @Override
    public void resetPassword(String userId, String newPassword, boolean logoutDevices) {
        api.resetPassword(userId, newPassword, logoutDevices);
    }

    @Override
    public boolean deactivate(String userId, boolean erase) {
        return api.deactivate(userId, erase);
    }

    @Override
    public UserDetails reactivate(String userId, String newPasswordOrNull) {
        return api.reactivate(userId, newPasswordOrNull);
    }

    @Override
    public UserDetails setLocked(String userId, boolean locked) {
        return api.setLocked(userId, locked);
    }

    @Override
    public UserDetails setAdmin(String userId, boolean admin) {
        return api.setAdmin(userId, admin);
    }

    @Override
    public UserDetails setUserType(String userId, String userType) {
        return api.setUserType(userId, userType);
    }

    @Override
    public void setSuspended(String userId, boolean suspended) {
        api.setSuspended(userId, suspended);
    }

    @Override
    public void setShadowBanned(String userId, boolean shadowBanned) {
        api.setShadowBanned(userId, shadowBanned);
    }

    @Override
    public List<Device> devices(String userId) {
        return api.devices(userId);
    }

    @Override
    public void deleteDevice(String userId, String deviceId) {
        api.deleteDevice(userId, deviceId);
    }

    @Override
    public void deleteDevices(String userId, List<String> deviceIds) {
        api.deleteDevices(userId, deviceIds);
    }

    @Override
    public List<Connection> whois(String userId) {
        return api.whois(userId);
    }

    @Override
    public long joinedRoomCount(String userId) {
        return api.joinedRoomCount(userId);
    }

    @Override
    public RemovalPreview removalPreview(String userId, int roomNames) {
        return api.removalPreview(userId, roomNames);
    }

    @Override
    public String uploadMedia(byte[] content, String contentType, String fileName) {
        return api.uploadMedia(content, contentType, fileName);
    }

    @Override
    public byte[] thumbnail(String mxcUri, int width, int height) {
        return api.thumbnail(mxcUri, width, height);
    }
}
