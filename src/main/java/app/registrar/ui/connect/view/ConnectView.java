package app.registrar.ui.connect.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.ui.common.view.Views;
import app.registrar.ui.connect.ConnectViewModel.Method;
import app.registrar.ui.connect.ConnectViewModel;
import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
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

        TextField user = new TextField();
        user.setId("user");
        user.setPromptText(tr("connect.user.prompt"));
        user.textProperty().bindBidirectional(model.userProperty());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.textProperty().bindBidirectional(model.passwordProperty());
        VBox passwordBox = new VBox(4,
                Views.labelFor("connect.user", user), user, Views.problem(model.userProblemProperty()),
                Views.labelFor("connect.password", password), password);

        PasswordField token = new PasswordField();
        token.setId("token");
        token.textProperty().bindBidirectional(model.tokenProperty());
        VBox tokenBox = new VBox(4, Views.labelFor("connect.token", token), token, Views.help(tr("connect.token.help")));

        TextField clientId = new TextField();
        clientId.setId("clientId");
        clientId.setPromptText(tr("connect.client.id.prompt"));
        clientId.textProperty().bindBidirectional(model.clientIdProperty());
        PasswordField clientSecret = new PasswordField();
        clientSecret.setId("clientSecret");
        clientSecret.textProperty().bindBidirectional(model.clientSecretProperty());
        VBox clientBox = new VBox(4,
                Views.labelFor("connect.client.id", clientId), clientId, Views.problem(model.userProblemProperty()),
                Views.labelFor("connect.client.secret", clientSecret), clientSecret, Views.help(tr("connect.client.help")));
        clientBox.visibleProperty().bind(model.methodProperty().isEqualTo(Method.CLIENT));
        clientBox.managedProperty().bind(clientBox.visibleProperty());
        clientBox.disableProperty().bind(model.busyProperty());

        VBox ssoBox = new VBox(4, Views.help(tr("connect.sso.help")));
        ssoBox.visibleProperty().bind(model.methodProperty().isEqualTo(Method.SSO));
        ssoBox.managedProperty().bind(ssoBox.visibleProperty());
        passwordBox.visibleProperty().bind(model.methodProperty().isEqualTo(Method.PASSWORD));
        passwordBox.managedProperty().bind(passwordBox.visibleProperty());
        tokenBox.visibleProperty().bind(model.methodProperty().isEqualTo(Method.TOKEN));
        tokenBox.managedProperty().bind(tokenBox.visibleProperty());

        Button signIn = new Button(tr("connect.sign.in"));
        signIn.setId("signIn");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add("accent");
        signIn.disableProperty().bind(model.canSignInProperty().not());
        signIn.setOnAction(e -> model.signIn());
        Button cancel = new Button(tr("connect.cancel"));
        cancel.setCancelButton(true);
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> model.cancel());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.busyProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label progress = new Label();
        progress.setId("progress");
        progress.textProperty().bind(model.progressProperty());
        HBox buttons = new HBox(8, spinner, progress, new Region(), cancel, signIn);
        HBox.setHgrow(buttons.getChildren().get(2), Priority.ALWAYS);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label notice = new Label();
        notice.setWrapText(true);
        notice.setMinHeight(Region.USE_PREF_SIZE);
        notice.getStyleClass().add("notice");
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(Bindings.isNotEmpty(model.noticeProperty()));
        notice.managedProperty().bind(notice.visibleProperty());

        VBox form = new VBox(6,
                title, subtitle,
                spacer(10),
                Views.labelFor("connect.server", server), server, Views.help(tr("connect.server.help")),
                Views.problem(model.serverProblemProperty()),
                spacer(6), methods, spacer(2),
                passwordBox, tokenBox, ssoBox, clientBox, Views.problem(model.secretProblemProperty()),
                notice,
                Views.errorBox(model.errorProperty()),
                spacer(8), buttons);
        form.setPadding(new Insets(32));
        form.setMaxWidth(480);
        form.setMaxHeight(USE_PREF_SIZE);
        form.getStyleClass().add("card");
        form.disableProperty().bind(Bindings.createBooleanBinding(() -> false));
        server.disableProperty().bind(model.busyProperty());
        methods.disableProperty().bind(model.busyProperty());
        passwordBox.disableProperty().bind(model.busyProperty());
        tokenBox.disableProperty().bind(model.busyProperty());

        getChildren().add(form);
        setPadding(new Insets(24));
        StackPane.setAlignment(form, Pos.CENTER);
        Platform.runLater(server::requestFocus);
    }

    private static Region spacer(double height) {
        Region region = new Region();
        region.setMinHeight(height);
        return region;
    }
}
