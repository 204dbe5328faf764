package app.registrar.ui.connect;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.ErrorCategory;
import app.registrar.api.LoginSession;
import app.registrar.api.MatrixApiException;
import app.registrar.api.ServerInfo;
import app.registrar.service.BackgroundTask;
import app.registrar.service.ConnectionService;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.ErrorReport;
import app.registrar.ui.connect.ConnectViewModel.Method;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;

/**
 * How each sign-in method goes once the server was found (password, pasted token, single sign-on in the browser,
 * and on a server whose accounts MAS owns, MAS in the browser or a configured client), and what each needs typed
 * before it is tried. The connect screen's view model runs the attempt; the fields are its.
 */
final class SignInMethods {

    private final ConnectionService connection;
    private final DialogService dialogs;
    private final ConnectViewModel form;
    private final Consumer<String> progress;
    private final Consumer<String> notice;
    private final Consumer<ErrorReport> error;

    SignInMethods(ConnectionService connection, DialogService dialogs, ConnectViewModel form, Consumer<String> progress,
                  Consumer<String> notice, Consumer<ErrorReport> error) {
        this.connection = connection;
        this.dialogs = dialogs;
        this.form = form;
        this.progress = progress;
        this.notice = notice;
        this.error = error;
    }

    private Method method() {
        return form.methodProperty().get();
    }

    /** The sign-in step after discovery; throws when the server cannot be signed in to as asked. */
    BackgroundTask<LoginSession> signIn(ServerInfo info) {
        if (!info.adminApiReachable()) {
            throw MatrixApiException.local(ErrorCategory.ADMIN_API_UNREACHABLE, tr("connect.no.admin.api"));
        }
        if (info.managedByMas()) {
            notice.accept(tr("connect.mas"));
            return signInThroughMas(info);
        }
        if (method() == Method.CLIENT) {
            throw shown(new ErrorReport(tr("connect.client.not.mas"), tr("connect.mas.use.browser.next"), ""));
        }
        if (method() == Method.PASSWORD && !info.supportsPasswordLogin()) {
            throw MatrixApiException.local(ErrorCategory.ENDPOINT_UNAVAILABLE, tr("connect.no.password.login"));
        }
        if (method() == Method.SSO) {
            if (!info.supportsSso()) {
                throw MatrixApiException.local(ErrorCategory.ENDPOINT_UNAVAILABLE, tr("connect.sso.unavailable"));
            }
            return connection.listenForSso().then(loopback -> {
                dialogs.openInBrowser(ConnectionService.ssoRedirectUrl(info, loopback));
                progress.accept(tr("connect.sso.waiting"));
                return connection.signInWithSso(info, loopback);
            });
        }
        progress.accept(tr("connect.signing.in"));
        BackgroundTask<LoginSession> login = method() == Method.PASSWORD
                ? connection.signIn(info, form.userProperty().get().strip(), form.passwordProperty().get())
                : connection.useToken(info, form.tokenProperty().get().strip());
        // Scheduled, not run here: the request goes out first, and the work fills the server's wait.
        connection.executor().schedule(0, () -> form.signingIn(info));
        return login;
    }

    /**
     * On a server whose accounts MAS owns: in the browser through MAS (OAuth 2.0 with PKCE; "Single sign-on"), or
     * as a client the server admin configured (client ID and secret). Passwords and pasted tokens do not give
     * Registrar MAS's admin API, so those methods are answered with what to use instead.
     */
    private BackgroundTask<LoginSession> signInThroughMas(ServerInfo info) {
        if (method() == Method.CLIENT) {
            progress.accept(tr("connect.signing.in"));
            return connection.signInWithClientCredentials(info, form.clientIdProperty().get().strip(),
                    form.clientSecretProperty().get());
        }
        if (method() != Method.SSO) {
            throw shown(new ErrorReport(tr("connect.mas.use.browser"), tr("connect.mas.use.browser.next"), "MAS"));
        }
        progress.accept(tr("connect.signing.in"));
        return connection.startMasSignIn(info).then(signIn -> {
            dialogs.openInBrowser(signIn.browserUrl());
            progress.accept(tr("connect.mas.waiting"));
            return connection.completeMasSignIn(signIn);
        });
    }

    /** Ends the chain after {@code report} was shown: a cancelled failure, which the view model passes over. */
    private MatrixApiException shown(ErrorReport report) {
        error.accept(report);
        return MatrixApiException.local(ErrorCategory.CANCELLED, "explained to the admin");
    }

    /** Says beside each field what the chosen method still needs; true when nothing is missing. */
    boolean validate(StringProperty serverProblem, StringProperty userProblem, StringProperty secretProblem) {
        boolean ok = true;
        if (missing(form.serverProperty())) {
            serverProblem.set(tr("connect.missing.server"));
            ok = false;
        }
        if (method() == Method.PASSWORD) {
            if (missing(form.userProperty())) {
                userProblem.set(tr("connect.missing.user"));
                ok = false;
            }
            if (empty(form.passwordProperty())) {
                secretProblem.set(tr("connect.missing.password"));
                ok = false;
            }
        } else if (method() == Method.TOKEN && missing(form.tokenProperty())) {
            secretProblem.set(tr("connect.missing.token"));
            ok = false;
        } else if (method() == Method.CLIENT) {
            if (missing(form.clientIdProperty())) {
                userProblem.set(tr("connect.missing.client.id"));
                ok = false;
            }
            if (empty(form.clientSecretProperty())) {
                secretProblem.set(tr("connect.missing.client.secret"));
                ok = false;
            }
        }
        return ok;
    }

    private static boolean missing(StringProperty field) {
        return field.get() == null || field.get().isBlank();
    }

    /** Secrets count every character: a password of spaces is still one. */
    private static boolean empty(StringProperty field) {
        return field.get() == null || field.get().isEmpty();
    }
}
