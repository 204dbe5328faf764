package app.registrar.ui.connect.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.ui.common.view.AfterAWhile;
import app.registrar.ui.common.view.Views;
import app.registrar.ui.common.view.WhenNeeded;
import app.registrar.ui.connect.ConnectViewModel.Method;
import app.registrar.ui.connect.ConnectViewModel;
import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The connect screen: homeserver, sign-in method and credentials, bound to a {@link ConnectViewModel}. */
public final class ConnectView extends StackPane {

    public ConnectView(ConnectViewModel model) {
        getStyleClass().add("connect-view");

        Label title = new Label(tr("connect.title"));
        title.getStyleClass().add("title-2");
        Label subtitle = new Label(tr("connect.subtitle"));
        subtitle.setWrapText(true);
        subtitle.setMinHeight(Region.USE_PREF_SIZE);

        Control server = serverField(model);
        server.setAccessibleText(tr("connect.server").replace("_", ""));

        ToggleButton byPassword = new ToggleButton(tr("connect.method.password"));
        ToggleButton byToken = new ToggleButton(tr("connect.method.token"));
        byPassword.setUserData(Method.PASSWORD);
        byToken.setUserData(Method.TOKEN);
        ToggleButton bySso = new ToggleButton(tr("connect.method.sso"));
        bySso.setUserData(Method.SSO);
        bySso.setId("methodSso");
        byPassword.getStyleClass().add(Styles.LEFT_PILL);
        byToken.getStyleClass().add(Styles.CENTER_PILL);
        bySso.getStyleClass().add(Styles.CENTER_PILL);
        ToggleButton byClient = new ToggleButton(tr("connect.method.client"));
        byClient.setUserData(Method.CLIENT);
        byClient.setId("methodClient");
        byClient.getStyleClass().add(Styles.RIGHT_PILL);
        byPassword.setId("methodPassword");
        byToken.setId("methodToken");
        ToggleGroup group = new ToggleGroup();
        byPassword.setToggleGroup(group);
        byToken.setToggleGroup(group);
        bySso.setToggleGroup(group);
        byClient.setToggleGroup(group);
        HBox methods = new HBox(byPassword, byToken, bySso, byClient);
        group.selectToggle(switch (model.methodProperty().get()) {
            case TOKEN -> byToken;
            case SSO -> bySso;
            case CLIENT -> byClient;
            default -> byPassword;
        });
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                group.selectToggle(old);
            } else {
                model.methodProperty().set((Method) now.getUserData());
            }
        });

        // Only the chosen method's fields, the error area, the spinner and Cancel that are on screen are made with
        // the screen; the rest are made when first needed (WhenNeeded), since JavaFX styles hidden parts and makes
        // their skins before the first window all the same (issue 15, docs/performance.md).
        WhenNeeded passwordBox = new WhenNeeded(model.methodProperty().isEqualTo(Method.PASSWORD),
                () -> passwordFields(model));
        WhenNeeded tokenBox = new WhenNeeded(model.methodProperty().isEqualTo(Method.TOKEN), () -> tokenFields(model));
        WhenNeeded ssoBox = new WhenNeeded(model.methodProperty().isEqualTo(Method.SSO),
                () -> Views.help(tr("connect.sso.help")));
        WhenNeeded clientBox = new WhenNeeded(model.methodProperty().isEqualTo(Method.CLIENT),
                () -> clientFields(model));

        Button signIn = new Button(tr("connect.sign.in"));
        signIn.setId("signIn");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add("accent");
        signIn.disableProperty().bind(model.canSignInProperty().not());
        signIn.setOnAction(e -> model.signIn());
        WhenNeeded cancel = new WhenNeeded(model.busyProperty(), () -> {
            Button button = new Button(tr("connect.cancel"));
            button.setCancelButton(true);
            button.setOnAction(e -> model.cancel());
            return button;
        });
        WhenNeeded spinner = new WhenNeeded(AfterAWhile.of(model.busyProperty()), () -> {
            ProgressIndicator indicator = new ProgressIndicator();
            indicator.setPrefSize(18, 18);
            return indicator;
        });
        Label progress = new Label();
        progress.setId("progress");
        progress.textProperty().bind(model.progressProperty());
        HBox buttons = new HBox(8, spinner, progress, new Region(), cancel, signIn);
        HBox.setHgrow(buttons.getChildren().get(2), Priority.ALWAYS);
        buttons.setAlignment(Pos.CENTER_LEFT);

        WhenNeeded notice = new WhenNeeded(Bindings.isNotEmpty(model.noticeProperty()), () -> {
            Label label = new Label();
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
            label.getStyleClass().add("notice");
            label.textProperty().bind(model.noticeProperty());
            return label;
        });

        Label serverLabel = Views.labelFor("connect.server", server);
        // Gaps as margins rather than empty regions: fewer nodes for the first styling pass. Each is the old
        // spacer's height plus the one VBox spacing it took.
        VBox.setMargin(serverLabel, new Insets(16, 0, 0, 0));
        VBox.setMargin(methods, new Insets(12, 0, 8, 0));
        VBox.setMargin(buttons, new Insets(14, 0, 0, 0));
        VBox form = new VBox(6,
                title, subtitle,
                serverLabel, server, Views.help(tr("connect.server.help")),
                problem(model.serverProblemProperty()),
                methods,
                passwordBox, tokenBox, ssoBox, clientBox, problem(model.secretProblemProperty()),
                notice,
                new WhenNeeded(Bindings.isNotNull(model.errorProperty()), () -> Views.errorBox(model.errorProperty())),
                buttons);
        form.setPadding(new Insets(32));
        form.setMaxWidth(480);
        form.setMaxHeight(USE_PREF_SIZE);
        form.getStyleClass().add("card");
        form.disableProperty().bind(Bindings.createBooleanBinding(() -> false));
        server.disableProperty().bind(model.busyProperty());
        methods.disableProperty().bind(model.busyProperty());
        passwordBox.disableProperty().bind(model.busyProperty());
        tokenBox.disableProperty().bind(model.busyProperty());
        clientBox.disableProperty().bind(model.busyProperty());

        getChildren().add(form);
        setPadding(new Insets(24));
        StackPane.setAlignment(form, Pos.CENTER);
        Platform.runLater(server::requestFocus);
    }

    /**
     * The homeserver's field: a drop-down of the servers signed in to before when there are some, else a plain
     * field, which looks the same without the arrow that would open an empty list. The drop-down's list and
     * its skin are a fifth of the first window's styling work, which a first start need not pay (issue 15).
     */
    private static Control serverField(ConnectViewModel model) {
        if (model.getRecentServers().isEmpty()) {
            TextField field = new TextField();
            field.setId("server");
            field.setPromptText(tr("connect.server.prompt"));
            field.textProperty().bindBidirectional(model.serverProperty());
            return field;
        }
        ComboBox<String> server = new ComboBox<>(model.getRecentServers());
        server.setId("server");
        server.setEditable(true);
        server.setMaxWidth(Double.MAX_VALUE);
        server.setPromptText(tr("connect.server.prompt"));
        server.getEditor().textProperty().bindBidirectional(model.serverProperty());
        server.setOnAction(e -> {
            if (server.getValue() != null && model.getRecentServers().contains(server.getValue())) {
                model.chooseRecent(server.getValue());
            }
        });
        return server;
    }

    private static VBox passwordFields(ConnectViewModel model) {
        TextField user = new TextField();
        user.setId("user");
        user.setPromptText(tr("connect.user.prompt"));
        user.textProperty().bindBidirectional(model.userProperty());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.textProperty().bindBidirectional(model.passwordProperty());
        return new VBox(4,
                Views.labelFor("connect.user", user), user, problem(model.userProblemProperty()),
                Views.labelFor("connect.password", password), password);
    }

    private static VBox tokenFields(ConnectViewModel model) {
        PasswordField token = new PasswordField();
        token.setId("token");
        token.textProperty().bindBidirectional(model.tokenProperty());
        return new VBox(4, Views.labelFor("connect.token", token), token, Views.help(tr("connect.token.help")));
    }

    private static VBox clientFields(ConnectViewModel model) {
        TextField clientId = new TextField();
        clientId.setId("clientId");
        clientId.setPromptText(tr("connect.client.id.prompt"));
        clientId.textProperty().bindBidirectional(model.clientIdProperty());
        PasswordField clientSecret = new PasswordField();
        clientSecret.setId("clientSecret");
        clientSecret.textProperty().bindBidirectional(model.clientSecretProperty());
        return new VBox(4,
                Views.labelFor("connect.client.id", clientId), clientId, problem(model.userProblemProperty()),
                Views.labelFor("connect.client.secret", clientSecret), clientSecret, Views.help(tr("connect.client.help")));
    }

    /** A field's problem line, made when there first is one. */
    private static WhenNeeded problem(ReadOnlyStringProperty text) {
        return new WhenNeeded(Bindings.isNotEmpty(text), () -> Views.problem(text));
    }
}
