package app.registrar.store;

import app.registrar.api.AdminApi;
import app.registrar.api.Connection;
import app.registrar.api.Device;
import app.registrar.api.ErrorCategory;
import app.registrar.api.ExternalId;
import app.registrar.api.MasAdminApi;
import app.registrar.api.MasEmail;
import app.registrar.api.MasSession;
import app.registrar.api.MasSiteConfig;
import app.registrar.api.MasUpstreamLink;
import app.registrar.api.MasUpstreamProvider;
import app.registrar.api.MasUser;
import app.registrar.api.MatrixApiException;
import app.registrar.api.RemovalPreview;
import app.registrar.api.Threepid;
import app.registrar.api.UserDetails;
import app.registrar.api.UserPage;
import app.registrar.api.UserQuery;
import app.registrar.api.UserSummary;
import app.registrar.api.UserUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Accounts that Matrix Authentication Service owns. Each task goes to the API that owns it: the account, its
 * password, emails, SSO links, lock, admin right, deactivation and sessions to MAS's admin API; what only Synapse
 * keeps — display name, avatar, last seen, rooms, shadow-ban, suspension, account type — to Synapse's admin API with
 * the same MAS-issued token ({@code synapse} is null when the session cannot use it, and those tasks then say so).
 * Lists and details join MAS's view with Synapse's where Synapse adds something.
 */
public final class MasAccountStore implements AccountStore {

    private final MasAdminApi mas;
    private final AdminApi synapse;
    private final String serverName;
    private final MasSiteConfig site;
    private final MasCursors cursors;

    public MasAccountStore(MasAdminApi mas, AdminApi synapseOrNull, String serverName, MasSiteConfig site) {
        this.mas = mas;
        this.synapse = synapseOrNull;
        this.serverName = serverName;
        this.site = site;
        this.cursors = new MasCursors(mas);
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, synapse != null, true, site.minimumPasswordComplexity(), site.passwordLoginEnabled());
    }

    // ---- finding ----------------------------------------------------------------------------------------------

    /**
     * A page from MAS, joined with Synapse's view of each row. Callers page by offset as with Synapse
     * ({@code from}, {@code next_token}); {@link MasCursors} turns offsets into MAS's cursors.
     */
    @Override
    public UserPage listUsers(UserQuery query) {
        MasCursors.Page page = cursors.page(query);
        List<UserSummary> rows = new ArrayList<>();
        for (MasUser user : page.users()) {
            rows.add(summary(user, synapseView(user.matrixId(serverName))));
        }
        return new UserPage(List.copyOf(rows), page.total(), page.nextOffset());
    }

    @Override
    public UserDetails getUser(String userId) {
        return findUser(userId).orElseThrow(() ->
                MatrixApiException.local(ErrorCategory.NOT_FOUND, "the sign-in service has no account " + userId));
    }

    @Override
    public Optional<UserDetails> findUser(String userId) {
        Optional<MasUser> user = masUser(userId);
        return user.map(this::details);
    }

    @Override
    public boolean isUsernameAvailable(String localpart) {
        return mas.userByUsername(localpart).isEmpty();
    }

    @Override
    public Optional<String> findUserByThreepid(String medium, String address) {
        if (!"email".equals(medium)) {
            return Optional.empty();
        }
        return mas.findEmail(address).map(email -> mas.getUser(email.userId()).matrixId(serverName));
    }

    @Override
    public Optional<String> findUserByExternalId(String authProvider, String externalId) {
        MasUpstreamProvider provider = provider(authProvider);
        return mas.findUpstreamLink(provider.id(), externalId)
                .filter(link -> link.userId() != null)
                .map(link -> mas.getUser(link.userId()).matrixId(serverName));
    }

    // ---- creating and changing --------------------------------------------------------------------------------

    /**
     * Creates the account in MAS, then its password, emails and admin right there, and its profile in Synapse.
     * MAS takes these one by one, so what could be refused is checked first — the user ID, and whether another
     * account holds one of the emails or SSO identities — and nothing is created then. A step that still fails after
     * the account exists (a password MAS finds too weak, a race for an email, Synapse not answering) is not undone
     * (MAS cannot delete an account, only deactivate it): the error says the account exists and what it lacks
     * ({@link ErrorCategory#CREATED_INCOMPLETE}), so the admin opens it and adds that part.
     */
    @Override
    public UserDetails createUser(String userId, UserUpdate fields) {
        String localpart = localpart(userId);
        if (mas.userByUsername(localpart).isPresent()) {
            throw MatrixApiException.local(ErrorCategory.CONFLICT, "an account with this user ID already exists");
        }
        refuseHeld(fields);
        MasUser created = mas.createUser(localpart, fields.value("displayname") instanceof String name ? name : null,
                fields.value("avatar_url") instanceof String avatar ? avatar : null);
        if (fields.value("password") instanceof String password && !password.isEmpty()) {
            try {
                mas.setPassword(created.id(), password);
            } catch (MatrixApiException e) {
                throw MatrixApiException.local(e.category(), e.serverError().orElse("the password was refused")
                        + " — " + userId + " was created without a password; set one with Reset password");
            }
        }
        try {
            applyMasFields(created, fields.without("password", "logout_devices"), true);
            awaitSynapseUser(userId);
            applySynapseFields(userId, fields.without("displayname", "avatar_url"));
        } catch (MatrixApiException e) {
            if (e.category() == ErrorCategory.CANCELLED) {
                throw e;
            }
            throw MatrixApiException.local(ErrorCategory.CREATED_INCOMPLETE, userId + " was created, but not all of it: "
                    + e.serverError().orElse(e.getMessage()) + " (" + e.category() + ")");
        }
        return getUser(userId);
    }

    /** Refuses, before anything is created, an email or SSO identity that another account already holds. */
    private void refuseHeld(UserUpdate fields) {
        if (fields.value("threepids") instanceof List<?> wanted) {
            for (Object item : wanted) {
                if (item instanceof Map<?, ?> threepid && "email".equals(threepid.get("medium"))) {
                    String address = String.valueOf(threepid.get("address"));
                    Optional<String> holder = findUserByThreepid("email", address);
                    if (holder.isPresent()) {
                        throw MatrixApiException.local(ErrorCategory.INVALID_INPUT, address + " already belongs to "
                                + holder.get() + "; nothing was created");
                    }
                }
            }
        }
        if (fields.value("external_ids") instanceof List<?> wanted) {
            for (Object item : wanted) {
                if (item instanceof ExternalId id) {
                    Optional<String> holder = findUserByExternalId(id.authProvider(), id.externalId());
                    if (holder.isPresent()) {
                        throw MatrixApiException.local(ErrorCategory.INVALID_INPUT, "the " + id.authProvider() + " identity "
                                + id.externalId() + " already signs in to " + holder.get() + "; nothing was created");
                    }
                }
            }
        }
    }

    /**
     * MAS creates the Matrix user in Synapse in a background job; Synapse refuses changes to a user it does not have
     * yet, so wait (up to 15 s, checking every 100 ms) until it has it.
     */
    private void awaitSynapseUser(String userId) {
        if (synapse == null) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (synapse.findUser(userId).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw MatrixApiException.local(ErrorCategory.SERVER_ERROR,
                        "the sign-in service created " + userId + " but Synapse did not show it within 15 seconds");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw MatrixApiException.local(ErrorCategory.CANCELLED, "cancelled while waiting for Synapse");
            }
        }
    }

    @Override
    public UserDetails modifyUser(String userId, UserUpdate fields) {
        MasUser user = requireMasUser(userId);
        if (fields.value("password") instanceof String password && !password.isEmpty()) {
            mas.setPassword(user.id(), password);
            if (!Boolean.FALSE.equals(fields.value("logout_devices"))) {
                endAllSessions(user);
            }
        }
        applyMasFields(user, fields, false);
        applySynapseFields(userId, fields);
        return getUser(userId);
    }

    private void applyMasFields(MasUser user, UserUpdate fields, boolean creating) {
        if (fields.value("admin") instanceof Boolean admin && (creating ? admin : admin != user.admin())) {
            mas.setAdmin(user.id(), admin);
        }
        if (fields.value("threepids") instanceof List<?> wanted) {
            List<String> addresses = new ArrayList<>();
            for (Object item : wanted) {
                if (item instanceof Map<?, ?> threepid && "email".equals(threepid.get("medium"))) {
                    addresses.add(String.valueOf(threepid.get("address")).toLowerCase(Locale.ROOT));
                }
            }
            List<MasEmail> current = mas.emails(user.id());
            for (MasEmail email : current) {
                if (!addresses.contains(email.email().toLowerCase(Locale.ROOT))) {
                    mas.deleteEmail(email.id());
                }
            }
            for (String address : addresses) {
                if (current.stream().noneMatch(e -> e.email().equalsIgnoreCase(address))) {
                    mas.addEmail(user.id(), address);
                }
            }
        }
        if (fields.value("external_ids") instanceof List<?> wanted) {
            List<MasUpstreamLink> current = mas.upstreamLinks(user.id());
            List<ExternalId> ids = wanted.stream().filter(ExternalId.class::isInstance).map(ExternalId.class::cast).toList();
            for (MasUpstreamLink link : current) {
                if (ids.stream().noneMatch(id -> matches(id, link))) {
                    mas.deleteUpstreamLink(link.id());
                }
            }
            for (ExternalId id : ids) {
                if (current.stream().noneMatch(link -> matches(id, link))) {
                    mas.addUpstreamLink(user.id(), provider(id.authProvider()).id(), id.externalId());
                }
            }
        }
        if (fields.value("deactivated") instanceof Boolean deactivated && deactivated != user.deactivated()) {
            if (deactivated) {
                mas.deactivate(user.id(), false);
            } else {
                mas.reactivate(user.id());
            }
        } else if (fields.value("locked") instanceof Boolean locked && locked != (user.locked() && !user.deactivated())) {
            if (locked) {
                mas.lock(user.id());
            } else {
                mas.unlock(user.id());
            }
        }
    }

    /** Display name, avatar and account type live in Synapse. */
    private void applySynapseFields(String userId, UserUpdate fields) {
        UserUpdate rest = fields.without("password", "logout_devices", "admin", "threepids", "external_ids",
                "locked", "deactivated");
        if (rest.isEmpty()) {
            return;
        }
        requireSynapse("change the display name, picture or account type").modifyUser(userId, rest);
    }

    @Override
    public UserDetails addEmail(String userId, String address) {
        MasUser user = requireMasUser(userId);
        if (mas.emails(user.id()).stream().noneMatch(e -> e.email().equalsIgnoreCase(address.strip()))) {
            mas.addEmail(user.id(), address.strip().toLowerCase(Locale.ROOT));
        }
        return details(user);
    }

    @Override
    public UserDetails removeEmail(String userId, String address) {
        MasUser user = requireMasUser(userId);
        for (MasEmail email : mas.emails(user.id())) {
            if (email.email().equalsIgnoreCase(address.strip())) {
                mas.deleteEmail(email.id());
            }
        }
        return details(user);
    }

    @Override
    public UserDetails addExternalId(String userId, ExternalId id) {
        MasUser user = requireMasUser(userId);
        if (mas.upstreamLinks(user.id()).stream().noneMatch(link -> matches(id, link))) {
            mas.addUpstreamLink(user.id(), provider(id.authProvider()).id(), id.externalId());
        }
        return details(user);
    }

    @Override
    public UserDetails removeExternalId(String userId, ExternalId id) {
        MasUser user = requireMasUser(userId);
        for (MasUpstreamLink link : mas.upstreamLinks(user.id())) {
            if (matches(id, link)) {
                mas.deleteUpstreamLink(link.id());
            }
        }
        return details(user);
    }

    /** MAS checks the password against its complexity rule; signing out everywhere ends every MAS session. */
    @Override
    public void resetPassword(String userId, String newPassword, boolean logoutDevices) {
        MasUser user = requireMasUser(userId);
        mas.setPassword(user.id(), newPassword);
        if (logoutDevices) {
            endAllSessions(user);
        }
    }

    /**
     * MAS ends every session and asks Synapse, in a background job, to deactivate (and with {@code erase}, to
     * GDPR-erase) the Matrix account. Synapse's identity-server unbinding is not reported back, so this answers false.
     */
    @Override
    public boolean deactivate(String userId, boolean erase) {
        mas.deactivate(requireMasUser(userId).id(), erase);
        return false;
    }

    /** MAS reactivates and unlocks; the password, when given, is set afterwards. Rooms and emails stay gone. */
    @Override
    public UserDetails reactivate(String userId, String newPasswordOrNull) {
        MasUser user = requireMasUser(userId);
        mas.reactivate(user.id());
        if (newPasswordOrNull != null) {
            mas.setPassword(user.id(), newPasswordOrNull);
        }
        return getUser(userId);
    }

    @Override
    public UserDetails setLocked(String userId, boolean locked) {
        MasUser user = requireMasUser(userId);
        return details(locked ? mas.lock(user.id()) : mas.unlock(user.id()));
    }

    /** In MAS, "admin" means the person may ask for admin rights when signing in ({@code can_request_admin}). */
    @Override
    public UserDetails setAdmin(String userId, boolean admin) {
        return details(mas.setAdmin(requireMasUser(userId).id(), admin));
    }

    @Override
    public UserDetails setUserType(String userId, String userType) {
        requireSynapse("change the account type").setUserType(userId, userType);
        return getUser(userId);
    }

    @Override
    public void setSuspended(String userId, boolean suspended) {
        requireSynapse("suspend accounts").setSuspended(userId, suspended);
    }

    @Override
    public void setShadowBanned(String userId, boolean shadowBanned) {
        requireSynapse("shadow-ban accounts").setShadowBanned(userId, shadowBanned);
    }

    // ---- sessions ---------------------------------------------------------------------------------------------

    /**
     * The person's MAS sessions as devices: apps that signed in through MAS (OAuth 2.0) or with a password
     * (compatibility), and MAS's own browser sessions, which have no Matrix device and are named by their ID.
     */
    @Override
    public List<Device> devices(String userId) {
        List<Device> devices = new ArrayList<>();
        for (MasSession session : sessions(requireMasUser(userId))) {
            devices.add(new Device(session.deviceId() != null ? session.deviceId() : session.id(),
                    session.name() == null ? label(session.kind()) : session.name() + " · " + label(session.kind()),
                    session.lastActiveIp(), session.lastActiveAt() != null ? session.lastActiveAt() : session.createdAt(),
                    session.userAgent()));
        }
        return devices;
    }

    /** Signs one session out in MAS: its tokens stop working and Synapse forgets the device. */
    @Override
    public void deleteDevice(String userId, String deviceId) {
        MasUser user = requireMasUser(userId);
        MasSession session = sessions(user).stream()
                .filter(s -> deviceId.equals(s.deviceId()) || deviceId.equals(s.id()))
                .findFirst()
                .orElseThrow(() -> MatrixApiException.local(ErrorCategory.NOT_FOUND, "no such session"));
        mas.finishSession(session.kind(), session.id());
    }

    @Override
    public void deleteDevices(String userId, List<String> deviceIds) {
        for (String deviceId : deviceIds) {
            deleteDevice(userId, deviceId);
        }
    }

    private List<MasSession> sessions(MasUser user) {
        List<MasSession> all = new ArrayList<>();
        for (MasSession.Kind kind : MasSession.Kind.values()) {
            all.addAll(mas.sessions(user.id(), kind));
        }
        return all;
    }

    private void endAllSessions(MasUser user) {
        for (MasSession session : sessions(user)) {
            mas.finishSession(session.kind(), session.id());
        }
    }

    private static String label(MasSession.Kind kind) {
        return switch (kind) {
            case COMPAT -> "password sign-in";
            case OAUTH2 -> "signed in through MAS";
            case BROWSER -> "MAS web pages";
        };
    }

    // ---- Synapse-only -----------------------------------------------------------------------------------------

    @Override
    public List<Connection> whois(String userId) {
        return synapse == null ? List.of() : synapse.whois(userId);
    }

    @Override
    public long joinedRoomCount(String userId) {
        return requireSynapse("count rooms").joinedRoomCount(userId);
    }

    /** Rooms, devices and media are Synapse's to tell; the preview needs its admin API. */
    @Override
    public RemovalPreview removalPreview(String userId, int roomNames) {
        return requireSynapse("show what a deactivation takes away").removalPreview(userId, roomNames);
    }

    @Override
    public String uploadMedia(byte[] content, String contentType, String fileName) {
        return requireSynapse("upload a picture").uploadMedia(content, contentType, fileName);
    }

    @Override
    public byte[] thumbnail(String mxcUri, int width, int height) {
        return requireSynapse("show pictures").thumbnail(mxcUri, width, height);
    }

    // ---- joining the two views --------------------------------------------------------------------------------

    private UserDetails details(MasUser user) {
        String userId = user.matrixId(serverName);
        Optional<UserDetails> synapseView = synapseView(userId);
        List<Threepid> emails = mas.emails(user.id()).stream()
                .map(e -> new Threepid("email", e.email(), e.createdAt(), e.createdAt())).toList();
        List<MasUpstreamProvider> providers = mas.upstreamLinks(user.id()).isEmpty() ? List.of() : mas.upstreamProviders();
        List<ExternalId> links = mas.upstreamLinks(user.id()).stream()
                .map(link -> new ExternalId(providerName(providers, link.providerId()), link.subject())).toList();
        UserDetails s = synapseView.orElse(null);
        return new UserDetails(userId, s == null ? null : s.displayName(), s == null ? null : s.avatarUrl(), emails, links,
                user.admin(), user.deactivated(), s != null && s.erased(), user.locked() && !user.deactivated(),
                s != null && s.suspended(), s != null && s.shadowBanned(), user.legacyGuest(), s == null ? null : s.userType(),
                user.createdAt(), s == null ? null : s.lastSeenAt(), s == null ? null : s.appserviceId(), null);
    }

    private UserSummary summary(MasUser user, Optional<UserDetails> synapseView) {
        UserDetails s = synapseView.orElse(null);
        return new UserSummary(user.matrixId(serverName),
                s == null ? null : s.displayName(), s == null ? null : s.avatarUrl(), user.legacyGuest(), user.admin(),
                s == null ? null : s.userType(), user.deactivated(), s != null && s.erased(), s != null && s.shadowBanned(),
                user.locked() && !user.deactivated(), user.createdAt(), s == null ? null : s.lastSeenAt());
    }

    private Optional<UserDetails> synapseView(String userId) {
        if (synapse == null) {
            return Optional.empty();
        }
        return synapse.findUser(userId);
    }

    private Optional<MasUser> masUser(String userId) {
        return mas.userByUsername(localpart(userId));
    }

    private MasUser requireMasUser(String userId) {
        return masUser(userId).orElseThrow(() ->
                MatrixApiException.local(ErrorCategory.NOT_FOUND, "the sign-in service has no account " + userId));
    }

    private String localpart(String userId) {
        String id = userId.strip();
        int colon = id.indexOf(':');
        if (!id.startsWith("@") || colon < 0) {
            return id;
        }
        if (!id.substring(colon + 1).equals(serverName)) {
            throw MatrixApiException.local(ErrorCategory.INVALID_INPUT, "only accounts of " + serverName + " can be managed here");
        }
        return id.substring(1, colon);
    }

    /** SSO providers are named by MAS's ID or by the name people see; both are accepted. */
    private MasUpstreamProvider provider(String nameOrId) {
        return mas.upstreamProviders().stream()
                .filter(p -> p.id().equals(nameOrId) || nameOrId.equalsIgnoreCase(p.label()))
                .findFirst()
                .orElseThrow(() -> MatrixApiException.local(ErrorCategory.INVALID_INPUT,
                        "the sign-in service has no single sign-on provider called " + nameOrId));
    }

    private boolean matches(ExternalId id, MasUpstreamLink link) {
        if (!id.externalId().equals(link.subject())) {
            return false;
        }
        return id.authProvider().equals(link.providerId())
                || mas.upstreamProviders().stream().anyMatch(p -> p.id().equals(link.providerId())
                        && id.authProvider().equalsIgnoreCase(p.label()));
    }

    private static String providerName(List<MasUpstreamProvider> providers, String providerId) {
        return providers.stream().filter(p -> p.id().equals(providerId)).map(MasUpstreamProvider::label).findFirst().orElse(providerId);
    }

    private AdminApi requireSynapse(String what) {
        if (synapse == null) {
            throw MatrixApiException.local(ErrorCategory.MAS_CLIENT_ONLY, "signed in with a client ID and secret, "
                    + "Registrar can only reach the sign-in service: sign in through the browser to " + what);
        }
        return synapse;
    }
}
