package app.registrar.ui.details.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.ExternalId;
import app.registrar.api.Threepid;
import app.registrar.api.UserDetails;
import app.registrar.ui.common.Formats;
import app.registrar.ui.common.TextSafety;
import app.registrar.ui.common.view.Views;
import app.registrar.ui.details.AccountDetailsViewModel;
import app.registrar.ui.details.AccountOffers;
import app.registrar.ui.details.ActionNote;
import app.registrar.ui.details.DeviceRow;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The account details beside the list, with the actions for the shown account. */
public final class AccountDetailsView extends StackPane {

    /** What the buttons that open dialogs do; the main view opens them. */
    public interface Actions {
        void edit(UserDetails user);

        void resetPassword(UserDetails user);

        void deactivate(UserDetails user);

        void reactivate(UserDetails user);

        /** "Welcome message…" for the person (issue 12). */
        default void welcome(UserDetails user) {
        }
    }

    private final AccountDetailsViewModel model;
    private final Actions actions;
    private final VBox content = new VBox(6);
    /** Parts other features add below the devices (security and recovery), kept across rebuilds. */
    private final List<Node> extraSections = new ArrayList<>();
    /** A small node beside each device's name (its verification), or null. */
    private Function<String, Node> deviceBadges = deviceId -> null;

    public AccountDetailsView(AccountDetailsViewModel model, Actions actions) {
        this.model = model;
        this.actions = actions;
        getStyleClass().add("details-pane");
        setMinWidth(320);
        setPrefWidth(380);

        content.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        Views.keepFocusedInView(scroll);

        Label none = new Label(tr("details.none"));
        none.getStyleClass().add("placeholder-text");
        none.setWrapText(true);
        none.setMinHeight(Region.USE_PREF_SIZE);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(40, 40);
        spinner.visibleProperty().bind(model.loadingProperty());
        VBox error = Views.errorBox(model.errorProperty());
        error.setMaxWidth(320);
        none.visibleProperty().bind(model.userProperty().isNull().and(model.loadingProperty().not())
                .and(model.errorProperty().isNull()));
        scroll.visibleProperty().bind(model.userProperty().isNotNull());
        getChildren().addAll(none, spinner, error, scroll);

        model.userProperty().addListener((obs, old, now) -> rebuild());
        model.getDevices().addListener((ListChangeListener<DeviceRow>) c -> rebuild());
        model.roomCountProperty().addListener((obs, old, now) -> rebuild());
        model.avatarProperty().addListener((obs, old, now) -> rebuild());
        model.noteProperty().addListener((obs, old, now) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        UserDetails user = model.getUser();
        content.getChildren().clear();
        if (user == null) {
            return;
        }
        Label name = new Label(user.displayName() == null || user.displayName().isBlank()
                ? user.userId().substring(1, user.userId().indexOf(':'))
                : TextSafety.visible(user.displayName()));
        name.getStyleClass().add("user-title");
        name.setId("detailsName");
        name.setWrapText(true);
        name.setMinHeight(Region.USE_PREF_SIZE);
        Label id = new Label(user.userId());
        id.setId("detailsUserId");
        // A long ID is cut in a narrow panel; all of it stays a hover away.
        id.setTooltip(new Tooltip(user.userId()));
        id.getStyleClass().add("placeholder-text");
        VBox who = new VBox(2, name, id, chips(user));
        HBox header = new HBox(12, avatar(user), who);
        header.setAlignment(Pos.CENTER_LEFT);
        content.getChildren().add(header);
        ActionNote note = model.noteProperty().get();
        if (note != null) {
            content.getChildren().add(noteLine(note));
        }

        content.getChildren().add(actionButtons(user));

        content.getChildren().add(section(tr("details.emails")));
        if (user.emails().isEmpty()) {
            content.getChildren().add(Views.help(tr("details.emails.none")));
        }
        for (Threepid email : user.emails()) {
            Label line = new Label(email.address(), new FontIcon(Feather.MAIL));
            line.getStyleClass().add("email-line");
            content.getChildren().add(line);
        }

        content.getChildren().add(section(tr("details.sso")));
        if (user.externalIds().isEmpty()) {
            content.getChildren().add(Views.help(tr("details.sso.none")));
        }
        for (ExternalId external : user.externalIds()) {
            content.getChildren().add(new Label(external.authProvider() + " · " + external.externalId(), new FontIcon(Feather.KEY)));
        }

        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        facts.addRow(0, muted(tr("details.created")), new Label(Formats.dateTime(user.createdAt())));
        facts.addRow(1, muted(tr("details.seen")), new Label(Formats.ago(user.lastSeenAt())));
        Long rooms = model.roomCountProperty().get();
        boolean roomsReadable = model.getOffers().synapseTasks();
        facts.addRow(2, muted(tr("details.rooms")), new Label(!roomsReadable ? tr("details.rooms.unknown")
                : rooms == null ? "…" : rooms.toString()));
        content.getChildren().addAll(section(tr("details.profile")), facts);

        content.getChildren().add(section(tr("details.devices")));
        if (model.getDevices().isEmpty()) {
            content.getChildren().add(Views.help(tr("details.devices.none")));
        }
        for (DeviceRow device : model.getDevices()) {
            content.getChildren().add(deviceLine(device));
        }
        content.getChildren().addAll(extraSections);
    }

    /** Adds a section below the devices (another feature's part of the panel). */
    public void addSection(Node section) {
        extraSections.add(section);
        rebuild();
    }

    /** Shows {@code badges.apply(deviceId)} beside each device's name. */
    public void setDeviceBadges(Function<String, Node> badges) {
        this.deviceBadges = badges;
        rebuild();
    }

    private Node actionButtons(UserDetails user) {
        Button edit = button("details.edit", Feather.EDIT_2, "editAccount", () -> actions.edit(user));
        Button password = button("details.password", Feather.LOCK, "resetPassword", () -> actions.resetPassword(user));
        AccountOffers offers = model.getOffers();
        Button lifecycle = offers.reactivate()
                ? button("details.reactivate", Feather.ROTATE_CCW, "reactivateAccount", () -> actions.reactivate(user))
                : button("details.deactivate", Feather.USER_X, "deactivateAccount", () -> actions.deactivate(user));
        if (!offers.reactivate()) {
            lifecycle.getStyleClass().add("danger");
        }
        password.setDisable(!offers.usable());
        edit.setDisable(!offers.usable());

        Button lock = button(offers.lockKey(), Feather.SLASH, "toggleLock", model::toggleLocked);
        lock.setTooltip(new Tooltip(tr("details.lock.help")));
        Button suspend = button(offers.suspendKey(), Feather.PAUSE_CIRCLE, "toggleSuspend", model::toggleSuspended);
        suspend.setTooltip(new Tooltip(tr("details.suspend.help")));
        Button shadow = button(offers.shadowBanKey(), Feather.EYE_OFF, "toggleShadowBan", model::toggleShadowBanned);
        shadow.setTooltip(new Tooltip(tr("details.shadowban.help")));
        for (Button small : new Button[] {lock, suspend, shadow}) {
            small.getStyleClass().add("small");
            small.setDisable(!offers.usable());
        }
        Button welcome = button("details.welcome", Feather.MAIL, "welcomeMessage", () -> actions.welcome(user));
        welcome.setDisable(!offers.usable());
        FlowPane main = new FlowPane(6, 6, edit, password, lifecycle, welcome);
        // Suspend and shadow-ban are Synapse's: left out when this session cannot reach it, not shown to fail.
        FlowPane more = offers.synapseTasks() ? new FlowPane(6, 6, lock, suspend, shadow) : new FlowPane(6, 6, lock);
        VBox box = new VBox(8, main, more);
        box.setPadding(new Insets(10, 0, 4, 0));
        box.disableProperty().bind(model.actionsBlockedProperty());
        return new VBox(8, box, Views.checkAgainButton(model.getOutcome()));
    }

    /** The lasting line about the last finished action, where the admin looks next, with Undo when possible. */
    private Node noteLine(ActionNote note) {
        Label text = new Label(note.text(), new FontIcon(Feather.CHECK_CIRCLE));
        text.setId("actionNote");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox line = new HBox(8, text);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("action-note");
        if (note.canUndo()) {
            Button undo = button("details.undo", Feather.CORNER_UP_LEFT, "undoAction", model::undo);
            undo.getStyleClass().add("small");
            undo.setMinWidth(Region.USE_PREF_SIZE);
            undo.disableProperty().bind(model.busyProperty());
            line.getChildren().add(undo);
        }
        return line;
    }

    private Node deviceLine(DeviceRow device) {
        Label name = new Label(device.name() + "  (" + device.deviceId() + ")");
        Label seen = new Label(device.lastSeen() == null ? tr("details.device.unused", device.deviceId())
                : tr("details.device.line", device.deviceId(), Formats.ago(device.lastSeen()),
                        device.lastIp() == null ? "—" : device.lastIp()));
        seen.getStyleClass().add("help-text");
        seen.setWrapText(true);
        seen.setMinHeight(Region.USE_PREF_SIZE);
        if (device.userAgent() != null) {
            seen.setTooltip(new Tooltip(device.userAgent()));
        }
        Node badge = deviceBadges.apply(device.deviceId());
        VBox text = new VBox(1, badge == null ? name : new HBox(6, name, badge), seen);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button remove = new Button(null, new FontIcon(Feather.LOG_OUT));
        remove.setTooltip(new Tooltip(tr("details.device.remove")));
        remove.setAccessibleText(tr("details.device.remove") + " " + device.name());
        remove.getStyleClass().addAll("flat", "small");
        remove.setOnAction(e -> model.removeDevice(device));
        remove.disableProperty().bind(model.actionsBlockedProperty());
        HBox line = new HBox(8, new FontIcon(Feather.MONITOR), text, remove);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private Node avatar(UserDetails user) {
        byte[] bytes = model.avatarProperty().get();
        if (bytes != null) {
            Image image = new Image(new ByteArrayInputStream(bytes), 56, 56, true, true);
            if (!image.isError()) {
                ImageView view = new ImageView(image);
                view.setFitWidth(56);
                view.setFitHeight(56);
                view.setClip(new Circle(28, 28, 28));
                return view;
            }
        }
        String source = user.displayName() != null && !user.displayName().isBlank() ? user.displayName() : user.userId().substring(1);
        Label initials = new Label(source.substring(0, 1).toUpperCase(Locale.ROOT));
        initials.getStyleClass().add("avatar-initials");
        initials.setStyle("-fx-font-size: 22px;");
        initials.setMinSize(56, 56);
        initials.setMaxSize(56, 56);
        initials.setAlignment(Pos.CENTER);
        return initials;
    }

    private static Node chips(UserDetails user) {
        FlowPane chips = new FlowPane(4, 4);
        chip(chips, user.deactivated(), "status.deactivated", "deactivated");
        chip(chips, user.erased(), "status.erased", "erased");
        chip(chips, user.admin(), "status.admin", "admin");
        chip(chips, user.locked(), "status.locked", "locked");
        chip(chips, user.suspended(), "status.suspended", "suspended");
        chip(chips, user.shadowBanned(), "status.shadow.banned", "shadow-banned");
        chip(chips, user.guest(), "status.guest", "guest");
        chip(chips, "bot".equals(user.userType()), "status.bot", "bot");
        chip(chips, "support".equals(user.userType()), "status.support", "support");
        chip(chips, chips.getChildren().isEmpty(), "status.active", "active");
        chips.setId("detailsStatus");
        return chips;
    }

    private static void chip(FlowPane chips, boolean when, String key, String style) {
        if (when) {
            Label chip = new Label(tr(key));
            chip.getStyleClass().addAll("status-chip", style);
            chips.getChildren().add(chip);
        }
    }

    private static Button button(String key, Feather icon, String id, Runnable action) {
        Button button = new Button(tr(key), new FontIcon(icon));
        button.setMnemonicParsing(true);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        // Longer languages wrap a title in a narrow panel instead of cutting it.
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("placeholder-text");
        return label;
    }

    static Region grow() {
        Region region = new Region();
        HBox.setHgrow(region, Priority.ALWAYS);
        return region;
    }
}
