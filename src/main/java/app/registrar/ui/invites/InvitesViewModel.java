package app.registrar.ui.invites;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.ErrorCategory;
import app.registrar.api.MatrixApiException;
import app.registrar.api.RegistrationToken;
import app.registrar.service.SecurityService;
import app.registrar.ui.common.Confirmation;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.ErrorReport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The invitations screen: registration tokens with their uses and expiry, a form that creates one (uses, expiry,
 * a random one of a chosen length or a chosen token) or edits the selected one, revoking, and "Copy invite".
 */
public final class InvitesViewModel {

    /** The characters Synapse accepts in a chosen token (its admin API: {@code [A-Za-z0-9._~-]}, at most 64). */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~-]{1,64}");

    private final SecurityService service;
    private final DialogService dialogs;
    private final Supplier<Instant> clock;
    private final ZoneId zone;
    private final InviteTexts texts;

    private final ObservableList<RegistrationToken> tokens = FXCollections.observableArrayList();
    private final ObjectProperty<RegistrationToken> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<RegistrationToken> editing = new ReadOnlyObjectWrapper<>();
    private final StringProperty uses = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> expiresOn = new SimpleObjectProperty<>();
    private final BooleanProperty chooseToken = new SimpleBooleanProperty(false);
    private final StringProperty chosenToken = new SimpleStringProperty("");
    private final StringProperty length = new SimpleStringProperty("16");
    private final ReadOnlyBooleanWrapper signUpOff = new ReadOnlyBooleanWrapper();
    // Where invited people sign up when it is a web page (MAS's), else null: they sign up in their Matrix app.
    private volatile String signUpPage;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>();
    private final StringBinding problem;
    private final BooleanBinding canSave;

    public InvitesViewModel(SecurityService service, DialogService dialogs, String serverAddress, String serverName,
                            Supplier<Instant> clock, ZoneId zone) {
        this.service = service;
        this.dialogs = dialogs;
        this.clock = clock;
        this.texts = new InviteTexts(serverName, serverAddress, clock);
        this.zone = zone;
        problem = Bindings.createStringBinding(this::findProblem, uses, expiresOn, chooseToken, chosenToken, length, editing);
        // An empty chosen token is not a mistake yet (nothing typed): Create stays off without a red sentence.
        canSave = problem.isEmpty().and(busy.not())
                .and(Bindings.createBooleanBinding(() -> editing.get() != null || !chooseToken.get() || !chosenToken.get().isBlank(),
                        editing, chooseToken, chosenToken));
    }

    /** Reads the server's tokens, newest expiry last, unlimited ones first. */
    public void load() {
        busy.set(true);
        error.set(null);
        service.registrationTokens()
                .onSuccess(list -> tokens.setAll(list.stream().sorted(Comparator.comparing(RegistrationToken::token)).toList()))
                .onFailure(this::failed)
                .andFinally(() -> busy.set(false))
                .start();
        service.signUpEnabled().onSuccess(enabled -> signUpOff.set(Boolean.FALSE.equals(enabled))).start();
        service.signUpPage().onSuccess(page -> signUpPage = page.orElse(null)).start();
    }

    private String findProblem() {
        String typedUses = uses.get().trim();
        if (!typedUses.isEmpty() && !typedUses.matches("\\d{1,9}")) {
            return tr("invites.problem.uses");
        }
        if (expiresOn.get() != null && !expiryOf(expiresOn.get()).isAfter(clock.get())) {
            return tr("invites.problem.expiry");
        }
        if (editing.get() != null) {
            return "";
        }
        if (chooseToken.get()) {
            String typed = chosenToken.get().trim();
            return typed.isEmpty() || TOKEN.matcher(typed).matches() ? "" : tr("invites.problem.token");
        }
        String typedLength = length.get().trim();
        if (!typedLength.matches("\\d{1,2}") || Integer.parseInt(typedLength) < 1 || Integer.parseInt(typedLength) > 64) {
            return tr("invites.problem.length");
        }
        return "";
    }

    /** An expiry date means "valid through that day" where the admin is. */
    Instant expiryOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Creates a token, or saves the uses and expiry of the one being edited. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        Integer allowed = uses.get().isBlank() ? null : Integer.valueOf(uses.get().trim());
        Instant expiry = expiresOn.get() == null ? null : expiryOf(expiresOn.get());
        busy.set(true);
        error.set(null);
        RegistrationToken edited = editing.get();
        if (edited != null) {
            service.updateRegistrationToken(edited.token(), allowed, expiry)
                    .onSuccess(updated -> {
                        tokens.replaceAll(t -> t.token().equals(updated.token()) ? updated : t);
                        selected.set(updated);
                        dialogs.notify(tr("invites.saved", updated.token()));
                        clearForm();
                    })
                    .onFailure(this::failed)
                    .andFinally(() -> busy.set(false))
                    .start();
            return;
        }
        String token = chooseToken.get() ? chosenToken.get().trim() : null;
        Integer size = chooseToken.get() ? null : Integer.valueOf(length.get().trim());
        service.createRegistrationToken(token, allowed, expiry, size)
                .onSuccess(created -> {
                    tokens.add(created);
                    selected.set(created);
                    dialogs.notify(tr("invites.created", created.token()));
                    clearForm();
                })
                .onFailure(this::failed)
                .andFinally(() -> busy.set(false))
                .start();
    }

    /** Fills the form with the selected token's uses and expiry, for Save to change them. */
    public void beginEdit() {
        RegistrationToken token = selected.get();
        if (token == null) {
            return;
        }
        editing.set(token);
        uses.set(token.usesAllowed() == null ? "" : token.usesAllowed().toString());
        expiresOn.set(token.expiresAt() == null ? null : token.expiresAt().minusMillis(1).atZone(zone).toLocalDate());
    }

    public void cancelEdit() {
        clearForm();
    }

    private void clearForm() {
        editing.set(null);
        uses.set("");
        expiresOn.set(null);
        chosenToken.set("");
        chooseToken.set(false);
    }

    /** Deletes the selected token after asking; people who already signed up with it keep their accounts. */
    public void revoke() {
        RegistrationToken token = selected.get();
        if (token == null || busy.get()) {
            return;
        }
        Confirmation question = new Confirmation(tr("invites.revoke.title"), tr("invites.revoke.header", token.token()),
                tr("invites.revoke.text"), tr("invites.revoke.action"), tr("invites.keep"), true);
        if (!dialogs.confirm(question)) {
            return;
        }
        busy.set(true);
        error.set(null);
        service.deleteRegistrationToken(token.token())
                .onSuccess(ignored -> {
                    tokens.removeIf(t -> t.token().equals(token.token()));
                    if (token.equals(editing.get())) {
                        clearForm();
                    }
                    dialogs.notify(tr("invites.revoked", token.token()));
                })
                .onFailure(this::failed)
                .andFinally(() -> busy.set(false))
                .start();
    }

    /** Puts the invite for the selected token on the clipboard: the admin pressed "Copy invite". */
    public void copyInvite() {
        RegistrationToken token = selected.get();
        if (token != null) {
            dialogs.copyToClipboard(inviteText(token));
            dialogs.notify(tr("invites.copied"));
        }
    }

    /**
     * The plain message for the invited person: where to sign up, the token, and the steps — in their Matrix app,
     * or on the server's sign-up page when it has one (MAS), then in the app with the server address.
     */
    public String inviteText(RegistrationToken token) {
        return texts.inviteText(token, signUpPage);
    }

    /** "3 of 5 left", "unlimited": for the list and the invite text. */
    public String usesText(RegistrationToken token) {
        return texts.usesText(token);
    }

    public String expiryText(RegistrationToken token) {
        return texts.expiryText(token);
    }

    /** Whether a person could still sign up with it now. */
    public boolean isUsable(RegistrationToken token) {
        return texts.isUsable(token);
    }

    private void failed(MatrixApiException e) {
        if (e.category() != ErrorCategory.CANCELLED) {
            error.set(ErrorMessages.describe(e));
        }
    }

    public ObservableList<RegistrationToken> getTokens() {
        return tokens;
    }

    public ObjectProperty<RegistrationToken> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<RegistrationToken> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public StringProperty usesProperty() {
        return uses;
    }

    public ObjectProperty<LocalDate> expiresOnProperty() {
        return expiresOn;
    }

    public BooleanProperty chooseTokenProperty() {
        return chooseToken;
    }

    public StringProperty chosenTokenProperty() {
        return chosenToken;
    }

    public StringProperty lengthProperty() {
        return length;
    }

    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    /** True when the server has sign-up switched off: no invite works until it is switched on. */
    public ReadOnlyBooleanProperty signUpOffProperty() {
        return signUpOff.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
