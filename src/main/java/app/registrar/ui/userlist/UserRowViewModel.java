package app.registrar.ui.userlist;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.UserSummary;
import app.registrar.ui.common.TextSafety;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row of the account list, or a placeholder for a row whose page is still loading. Immutable: when the page
 * arrives the list replaces the placeholder, so cells never see a row change under them.
 */
public final class UserRowViewModel {

    /** A status shown as a chip; {@code styleClass} lets the view colour it. */
    public record Status(String label, String styleClass) { }

    private final int index;
    private final UserSummary user;

    private UserRowViewModel(int index, UserSummary user) {
        this.index = index;
        this.user = user;
    }

    static UserRowViewModel of(int index, UserSummary user) {
        return new UserRowViewModel(index, user);
    }

    /**
     * A made-up account of the common kinds (active; admin; locked), for a view to make and style its row cells
     * before the first page is there. Never shown: the view replaces it before its first frame.
     */
    public static UserRowViewModel sample(int index) {
        String id = "@sample" + index + ":example.org";
        Instant created = Instant.EPOCH.plusSeconds(86_400L * 365 * 50 + index * 3_600L);
        UserSummary user = new UserSummary(id, "Sample Account " + index, null, false, index % 7 == 1, null, false,
                false, false, index % 11 == 2, created, created.plusSeconds(60));
        return new UserRowViewModel(index, user);
    }

    public static UserRowViewModel loading(int index) {
        return new UserRowViewModel(index, null);
    }

    public boolean isLoading() {
        return user == null;
    }

    public int getIndex() {
        return index;
    }

    public String getUserId() {
        return user == null ? "" : user.userId();
    }

    public String getDisplayName() {
        return user == null ? tr("list.loading") : nullToEmpty(TextSafety.visible(user.displayName()));
    }

    public String getAvatarUrl() {
        return user == null ? null : user.avatarUrl();
    }

    public Instant getCreatedAt() {
        return user == null ? null : user.createdAt();
    }

    public Instant getLastSeenAt() {
        return user == null ? null : user.lastSeenAt();
    }

    public UserSummary getUser() {
        return user;
    }

    /** One or two letters for the picture placeholder. */
    public String getInitials() {
        String source = user == null ? "" : (user.displayName() != null && !user.displayName().isBlank()
                ? user.displayName() : user.userId().substring(1));
        return source.isEmpty() ? "" : source.substring(0, 1).toUpperCase(Locale.ROOT);
    }

    /** The account's states, as the admin names them. An ordinary active account has "Active". */
    public List<Status> getStatuses() {
        List<Status> out = new ArrayList<>();
        if (user == null) {
            return out;
        }
        if (user.deactivated()) {
            out.add(new Status(tr("status.deactivated"), "deactivated"));
        }
        if (user.erased()) {
            out.add(new Status(tr("status.erased"), "erased"));
        }
        if (user.admin()) {
            out.add(new Status(tr("status.admin"), "admin"));
        }
        if (user.locked()) {
            out.add(new Status(tr("status.locked"), "locked"));
        }
        if (user.shadowBanned()) {
            out.add(new Status(tr("status.shadow.banned"), "shadow-banned"));
        }
        if (user.guest()) {
            out.add(new Status(tr("status.guest"), "guest"));
        }
        if ("bot".equals(user.userType())) {
            out.add(new Status(tr("status.bot"), "bot"));
        } else if ("support".equals(user.userType())) {
            out.add(new Status(tr("status.support"), "support"));
        }
        if (out.isEmpty()) {
            out.add(new Status(tr("status.active"), "active"));
        }
        return out;
    }

    /** The statuses as one line of text, for screen readers and copying. */
    public String getStatusText() {
        return String.join(", ", getStatuses().stream().map(Status::label).toList());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public String toString() {
        return user == null ? "loading #" + index : user.userId();
    }
}
