package app.registrar.ui.userlist.view;

import app.registrar.api.UserQuery.AccountState;
import app.registrar.ui.common.Formats;
import app.registrar.ui.common.view.AfterAWhile;
import app.registrar.ui.common.view.Views;
import app.registrar.ui.userlist.UserListViewModel.SortColumn;
import app.registrar.ui.userlist.UserListViewModel;
import app.registrar.ui.userlist.UserRowViewModel;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollToEvent;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import static app.registrar.ui.common.I18n.tr;

/** The account list: search, filters, the lazily paged table and its empty and error states. */
public final class UserListView extends BorderPane {

    private final TableView<UserRowViewModel> table = new TableView<>();
    private String lastSelected;
    /** Decoded pictures by media address, bounded like the bytes behind them. */
    private final Map<String, Image> images = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > 300;
        }
    };
    private final TextField search = new TextField();

    /** What the list's buttons open; the main view shows the dialogs. */
    public interface Actions {
        void create();

        void export();

        void importCsv();

        void inactive();

        /** The Insights screen (charts over every account of the server). */
        void insights();

        void actOn(List<String> userIds);
    }

    public UserListView(UserListViewModel model, Actions actions) {
        search.setId("search");
        search.setPromptText(tr("list.search.prompt"));
        search.setAccessibleText(tr("list.search.accessible"));
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        // Down goes on into the list (its first row when none is selected); Escape empties the search.
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty()) {
                    table.getSelectionModel().clearAndSelect(0);
                }
                table.getFocusModel().focus(table.getSelectionModel().getSelectedIndex());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                e.consume();
            }
        });
        FontIcon searchIcon = new FontIcon(Feather.SEARCH);

        Button refresh = new Button(tr("list.refresh"), new FontIcon(Feather.REFRESH_CW));
        refresh.setId("refresh");
        refresh.setMnemonicParsing(true);
        refresh.setTooltip(new Tooltip(tr("list.refresh").replace("_", "") + " (F5)"));
        refresh.setOnAction(e -> model.refresh());
        Button create = new Button(tr("list.create"), new FontIcon(Feather.USER_PLUS));
        create.setId("createAccount");
        create.setMnemonicParsing(true);
        create.getStyleClass().add("accent");
        create.setOnAction(e -> actions.create());

        MenuItem export = new MenuItem(tr("list.export"), new FontIcon(Feather.DOWNLOAD));
        export.setId("exportCsv");
        export.setOnAction(e -> actions.export());
        MenuItem importCsv = new MenuItem(tr("list.import"), new FontIcon(Feather.UPLOAD));
        importCsv.setId("importCsv");
        importCsv.setOnAction(e -> actions.importCsv());
        MenuItem inactive = new MenuItem(tr("list.inactive"), new FontIcon(Feather.CLOCK));
        inactive.setId("inactiveAccounts");
        inactive.setOnAction(e -> actions.inactive());
        MenuItem insights = new MenuItem(tr("list.insights"), new FontIcon(Feather.BAR_CHART_2));
        insights.setId("openInsights");
        insights.setOnAction(e -> actions.insights());
        MenuButton more = new MenuButton(tr("list.more"), null, export, importCsv, inactive, insights);
        more.setId("moreActions");
        more.setMnemonicParsing(true);

        Button actOn = new Button();
        actOn.setId("actOnSelected");
        actOn.setMnemonicParsing(true);
        actOn.textProperty().bind(Bindings.createStringBinding(
                () -> tr("list.bulk", model.getSelection().size()), model.getSelection()));
        actOn.visibleProperty().bind(Bindings.size(model.getSelection()).greaterThan(1));
        actOn.managedProperty().bind(actOn.visibleProperty());
        actOn.setOnAction(e -> actions.actOn(model.selectedUserIds()));

        for (Control keep : new Control[] {refresh, more, create}) {
            keep.setMinWidth(Region.USE_PREF_SIZE);
        }
        search.setMinWidth(120);
        HBox searchRow = new HBox(8, searchIcon, search, refresh, more, create);
        searchRow.setAlignment(Pos.CENTER_LEFT);

        ComboBox<AccountState> state = new ComboBox<>();
        state.setId("stateFilter");
        state.getItems().setAll(AccountState.ACTIVE, AccountState.DEACTIVATED, AccountState.ALL);
        state.valueProperty().bindBidirectional(model.stateProperty());
        state.setConverter(new StringConverter<>() {
            @Override
            public String toString(AccountState value) {
                if (value == null) {
                    return "";
                }
                return switch (value) {
                    case ACTIVE -> tr("list.filter.active");
                    case DEACTIVATED -> tr("list.filter.deactivated");
                    case ALL -> tr("list.filter.all");
                };
            }

            @Override
            public AccountState fromString(String text) {
                return null;
            }
        });
        state.setAccessibleText(tr("list.filter.state"));
        CheckBox locked = check("list.filter.locked", model.includeLockedProperty(), "filterLocked");
        CheckBox guests = check("list.filter.guests", model.includeGuestsProperty(), "filterGuests");
        CheckBox admins = check("list.filter.admins", model.onlyAdminsProperty(), "filterAdmins");
        CheckBox service = check("list.filter.hide.service", model.hideServiceAccountsProperty(), "filterService");
        FlowPane filters = new FlowPane(14, 6, state, locked, guests, admins, service);
        filters.setAlignment(Pos.CENTER_LEFT);

        // Rows read before the homeserver stopped answering are never shown as current: said above, dimmed below.
        Label staleNote = new Label(tr("list.stale"), new FontIcon(Feather.ALERT_TRIANGLE));
        staleNote.setId("staleNote");
        staleNote.setWrapText(true);
        staleNote.setMinHeight(Region.USE_PREF_SIZE);
        staleNote.setMaxWidth(Double.MAX_VALUE);
        staleNote.getStyleClass().add("warning-box");
        staleNote.visibleProperty().bind(model.staleProperty());
        staleNote.managedProperty().bind(staleNote.visibleProperty());
        VBox top = new VBox(8, searchRow, filters, staleNote);
        top.setPadding(new Insets(10, 10, 8, 10));
        setTop(top);

        buildTable(model);
        PseudoClass staleRows = PseudoClass.getPseudoClass("stale");
        table.pseudoClassStateChanged(staleRows, model.staleProperty().get());
        model.staleProperty().addListener((obs, old, now) -> table.pseudoClassStateChanged(staleRows, now));
        Label emptyTitle = new Label(tr("list.empty"));
        emptyTitle.getStyleClass().add("title-4");
        Label emptyNext = new Label(tr("list.empty.next"));
        emptyNext.getStyleClass().add("placeholder-text");
        VBox empty = new VBox(6, emptyTitle, emptyNext);
        empty.setAlignment(Pos.CENTER);
        VBox errorBox = Views.errorBox(model.errorProperty());
        errorBox.setMaxWidth(520);
        VBox placeholder = new VBox(10, empty, errorBox);
        placeholder.setAlignment(Pos.CENTER);
        empty.visibleProperty().bind(model.errorProperty().isNull().and(model.loadingProperty().not()));
        empty.managedProperty().bind(empty.visibleProperty());
        table.setPlaceholder(placeholder);

        Label total = new Label();
        total.setId("total");
        total.getStyleClass().add("toolbar-total");
        total.textProperty().bind(model.summaryProperty());
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(80);
        progress.visibleProperty().bind(AfterAWhile.of(model.loadingProperty()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label pageError = new Label();
        pageError.getStyleClass().add("field-problem");
        pageError.textProperty().bind(Bindings.createStringBinding(
                () -> model.errorProperty().get() == null || model.getRows().isEmpty() ? "" : model.errorProperty().get().summary(),
                model.errorProperty(), model.getRows()));
        HBox bottom = new HBox(10, total, progress, grow, pageError, actOn);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(6, 10, 6, 10));
        setCenter(new StackPane(table));
        setBottom(bottom);
    }

    private static CheckBox check(String key, BooleanProperty property, String id) {
        CheckBox box = new CheckBox(tr(key));
        box.setId(id);
        box.selectedProperty().bindBidirectional(property);
        return box;
    }

    private void buildTable(UserListViewModel model) {
        table.setId("userTable");
        table.setItems(model.getRows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(40);
        // A jump to a row (scrollTo) says where the table is going before its next layout does: the rows' pages
        // are asked for at once instead of a frame later, when the layout first asks for the rows.
        table.addEventHandler(ScrollToEvent.scrollToTopIndex(), event -> model.willShow(event.getScrollTarget(),
                (int) Math.ceil(table.getHeight() / table.getFixedCellSize())));

        TableColumn<UserRowViewModel, UserRowViewModel> avatar = new TableColumn<>("");
        avatar.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        avatar.setCellFactory(c -> new AvatarCell(model, images));
        avatar.setSortable(false);
        avatar.setPrefWidth(48);
        avatar.setMaxWidth(48);
        avatar.setMinWidth(48);
        avatar.setReorderable(false);

        TableColumn<UserRowViewModel, String> userId = new TableColumn<>(tr("list.column.user"));
        userId.setId("columnUser");
        userId.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getUserId()));
        userId.setCellFactory(c -> withTooltip());
        // Narrower than its longest IDs (they have a tooltip), so the other headers and dates fit beside it.
        userId.setPrefWidth(200);
        userId.setMinWidth(120);

        TableColumn<UserRowViewModel, String> name = new TableColumn<>(tr("list.column.name"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getDisplayName()));
        name.setCellFactory(c -> withTooltip());
        name.setSortable(false);
        name.setPrefWidth(Math.max(150, headerWidth(name.getText())));
        name.setMinWidth(90);

        TableColumn<UserRowViewModel, UserRowViewModel> status = new TableColumn<>(tr("list.column.status"));
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        status.setCellFactory(c -> new StatusCell());
        status.setSortable(false);
        status.setPrefWidth(statusWidth(true));
        status.setMinWidth(statusWidth(false));

        TableColumn<UserRowViewModel, Instant> created = new TableColumn<>(tr("list.column.created"));
        created.setId("columnCreated");
        created.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getCreatedAt()));
        created.setCellFactory(c -> textCell(Formats::date));
        // The whole date ("Dec 22, 2026") always fits: it is what the column is sorted by.
        created.setPrefWidth(Math.max(headerWidth(created.getText()), dateWidth()));
        created.setMinWidth(dateWidth());

        TableColumn<UserRowViewModel, Instant> seen = new TableColumn<>(tr("list.column.seen"));
        seen.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getLastSeenAt()));
        seen.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                UserRowViewModel row = getTableRow() == null ? null : getTableRow().getItem();
                setText(empty || row == null || row.isLoading() ? null : Formats.ago(item));
                showTooltip(this, getText() == null ? null : Formats.dateTime(item));
            }
        });
        seen.setSortable(false);
        seen.setPrefWidth(Math.max(110, headerWidth(seen.getText())));
        seen.setMinWidth(105);

        table.getColumns().setAll(List.of(avatar, userId, name, status, created, seen));
        fitHeadersWhenThereIsRoom(table, List.of(name, created, seen));
        // Each header holds its whole name in a tooltip, for when the column is narrower than its name.
        for (TableColumn<UserRowViewModel, ?> column : List.of(userId, name, status, created, seen)) {
            Label header = new Label(column.getText());
            boolean slow = column == name || column == status || column == seen;
            header.setTooltip(new Tooltip(slow ? column.getText() + "\n" + tr("list.sort.slow") : column.getText()));
            column.setGraphic(header);
            column.setText("");
        }

        // Sorting happens on the server: the table only reports which indexed column the admin clicked.
        table.setSortPolicy(t -> {
            if (t.getSortOrder().isEmpty()) {
                model.sortBy(SortColumn.USER_ID, false);
                return true;
            }
            TableColumn<UserRowViewModel, ?> column = t.getSortOrder().get(0);
            boolean backwards = column.getSortType() == TableColumn.SortType.DESCENDING;
            model.sortBy(column == created ? SortColumn.CREATED : SortColumn.USER_ID, backwards);
            return true;
        });

        table.getSortOrder().setAll(List.of(userId));

        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<UserRowViewModel>) change -> {
            model.getSelection().setAll(table.getSelectionModel().getSelectedItems());
            UserRowViewModel first = table.getSelectionModel().getSelectedItem();
            if (first != null && !first.isLoading()) {
                lastSelected = first.getUserId();
            }
        });
        // After a reload the same account stays selected when it is still in the list.
        model.getRows().addListener((ListChangeListener<UserRowViewModel>) change -> {
            boolean reloaded = false;
            while (change.next()) {
                reloaded |= change.wasAdded() && change.getFrom() == 0 && !change.wasReplaced();
            }
            if (reloaded && lastSelected != null) {
                int index = model.indexOfLoaded(lastSelected);
                if (index >= 0) {
                    Platform.runLater(() -> table.getSelectionModel().clearAndSelect(index));
                }
            }
        });
    }

    /**
     * The columns right of the user ID are squeezed first when the list is narrower than they would like, down to
     * their minimum. Where the list has room for every header whole (the default window in every shipped language),
     * those minimums are the headers' own widths, so none is cut; in a narrower list they fall back to the compact
     * ones and a cut header keeps its whole name in its tooltip.
     */
    private static void fitHeadersWhenThereIsRoom(TableView<UserRowViewModel> table,
                                                  List<TableColumn<UserRowViewModel, ?>> columns) {
        Map<TableColumn<UserRowViewModel, ?>, Double> compact = new HashMap<>();
        Map<TableColumn<UserRowViewModel, ?>, Double> whole = new HashMap<>();
        // Measured now: the header's text later moves into its graphic (the label with the tooltip).
        columns.forEach(c -> {
            compact.put(c, c.getMinWidth());
            whole.put(c, Math.max(c.getMinWidth(), headerWidth(c.getText())));
        });
        double others = table.getColumns().stream().filter(c -> !columns.contains(c))
                .mapToDouble(TableColumn::getMinWidth).sum();
        double needed = others + whole.values().stream().mapToDouble(Double::doubleValue).sum();
        ChangeListener<Number> fit = (obs, old, width) -> {
            // The vertical scroll bar takes its share; 16 px leave room for it and the border.
            boolean room = width.doubleValue() - 16 >= needed;
            columns.forEach(c -> c.setMinWidth(room ? whole.get(c) : compact.get(c)));
            // A raised minimum does not widen a column already laid out: take the room from the others (the
            // resize policy keeps them at their own minimums).
            Platform.runLater(() -> columns.forEach(c -> {
                if (c.getWidth() < c.getMinWidth()) {
                    table.resizeColumn(c, c.getMinWidth() - c.getWidth());
                }
            }));
        };
        table.widthProperty().addListener(fit);
    }

    /** A column header's width with its text whole: bold text, the cell's padding and the sort arrow. */
    private static double headerWidth(String header) {
        return Math.ceil(textWidth(header, Font.font(null, FontWeight.BOLD, 14)) + 40);
    }

    /** The widest date of this language's short format (a two-digit day of each month), with the cell's padding. */
    private static double dateWidth() {
        double widest = 0;
        for (int month = 1; month <= 12; month++) {
            Instant day = LocalDate.of(2026, month, 28).atStartOfDay(ZoneId.systemDefault()).toInstant();
            widest = Math.max(widest, textWidth(Formats.date(day), Font.font(14)));
        }
        return Math.ceil(widest + 24);
    }

    /**
     * Wide enough for the usual pair of badges side by side ("Deactivated" + "Erased") in this language, or, as
     * the least, for the widest single badge (pairs then wrap onto two lines).
     */
    private static double statusWidth(boolean pair) {
        String[][] pairs = {{"status.deactivated", "status.erased"}, {"status.locked", "status.admin"},
                {"status.suspended", "status.shadow.banned"}};
        double widest = 0;
        for (String[] keys : pairs) {
            double width = 0;
            for (String key : keys) {
                double chip = textWidth(tr(key), Font.font(11)) + 14 + 4;
                width = pair ? width + chip : Math.max(width, chip);
            }
            widest = Math.max(widest, width);
        }
        return Math.ceil(widest + 16);
    }

    /** How wide {@code value} is drawn in {@code font}, without padding. */
    private static double textWidth(String value, Font font) {
        Text text = new Text(value);
        text.setFont(font);
        return text.getLayoutBounds().getWidth();
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /**
     * Makes the table's row cells before the first page is there (while signing in), with made-up accounts of the
     * common kinds that are styled and laid out but never drawn: creating and styling a screenful of rows, their
     * status chips and avatar initials, is most of the JavaFX thread's work when the first rows come, and the cells
     * keep their labels to show the real rows in. Rows that are still loading would make the cells but not the
     * chips and initials (measured: 66–86 ms of the JavaFX thread's CPU for the first rows with those, 36–58 ms
     * with these, load 6).
     */
    public void prepareRows() {
        ObservableList<UserRowViewModel> rows = table.getItems();
        if (!rows.isEmpty()) {
            return;
        }
        table.setItems(FXCollections.observableList(
                IntStream.range(0, 60).mapToObj(UserRowViewModel::sample).toList()));
        table.applyCss();
        table.layout();
        table.setItems(rows);
    }

    public TableView<UserRowViewModel> table() {
        return table;
    }

    /**
     * Gives a cell the tooltip {@code text}, or none for null. Each cell makes its one tooltip once and then only
     * changes its text: a Tooltip is a popup window with a scene of its own, and making new ones for every visible
     * cell each time the rows change took a third of the JavaFX thread's time when jumping through the list.
     */
    private static void showTooltip(TableCell<?, ?> cell, String text) {
        if (text == null) {
            cell.setTooltip(null);
            return;
        }
        Tooltip tip = (Tooltip) cell.getProperties().computeIfAbsent(Tooltip.class, k -> new Tooltip());
        tip.setText(text);
        cell.setTooltip(tip);
    }

    /** A text cell whose whole text is a hover away when the column is too narrow for it. */
    private static TableCell<UserRowViewModel, String> withTooltip() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                showTooltip(this, empty || item == null || item.isEmpty() ? null : item);
            }
        };
    }

    private static <T> TableCell<UserRowViewModel, T> textCell(Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
                showTooltip(this, getText());
            }
        };
    }

    /** The status chips of a row. */
    private static final class StatusCell extends TableCell<UserRowViewModel, UserRowViewModel> {
        // Kept and refilled for each row the cell shows: new labels would each need a skin and a styling pass,
        // which made most of the JavaFX thread's work when a page of rows came in.
        private final FlowPane chips = new FlowPane(4, 2);
        private final List<Label> made = new ArrayList<>();

        StatusCell() {
            // Badges wrap onto a second line in a narrow column instead of being cut.
            chips.setAlignment(Pos.CENTER_LEFT);
            chips.prefWrapLengthProperty().bind(widthProperty().subtract(12));
        }

        @Override
        protected void updateItem(UserRowViewModel row, boolean empty) {
            super.updateItem(row, empty);
            // The chips stay in the scene while a row loads, hidden: taken out and put back, every chip would be
            // styled anew when the row's data comes (a jump's rows are all loading first).
            setGraphic(chips);
            if (empty || row == null || row.isLoading()) {
                chips.setVisible(false);
                setAccessibleText(null);
                return;
            }
            chips.setVisible(true);
            List<UserRowViewModel.Status> statuses = row.getStatuses();
            while (made.size() < statuses.size()) {
                Label chip = new Label();
                // A badge is never cut: the column is at least as wide as the widest one (see statusWidth).
                chip.setMinWidth(Region.USE_PREF_SIZE);
                made.add(chip);
            }
            for (int i = 0; i < statuses.size(); i++) {
                Label chip = made.get(i);
                chip.setText(statuses.get(i).label());
                // Changing a node's style classes styles it anew, so only when the kind of chip changes.
                List<String> classes = List.of("label", "status-chip", statuses.get(i).styleClass());
                if (!chip.getStyleClass().equals(classes)) {
                    chip.getStyleClass().setAll(classes);
                }
            }
            if (chips.getChildren().size() != statuses.size()) {
                chips.getChildren().setAll(made.subList(0, statuses.size()));
            }
            setAccessibleText(row.getStatusText());
        }
    }

    /** The account's picture, or a round placeholder with its initial while there is none. */
    private static final class AvatarCell extends TableCell<UserRowViewModel, UserRowViewModel> {
        private final UserListViewModel model;
        private final Map<String, Image> images;

        /** Kept for every row the cell shows (a new label each time needs a skin and a styling pass). */
        private final Label initials = new Label();

        AvatarCell(UserListViewModel model, Map<String, Image> images) {
            this.model = model;
            this.images = images;
            setAlignment(Pos.CENTER);
            initials.getStyleClass().add("avatar-initials");
            initials.setMinSize(28, 28);
            initials.setPrefSize(28, 28);
            initials.setMaxSize(28, 28);
            initials.setAlignment(Pos.CENTER);
        }

        @Override
        protected void updateItem(UserRowViewModel row, boolean empty) {
            super.updateItem(row, empty);
            // Hidden rather than taken out while a row loads, as the status chips (see StatusCell).
            setGraphic(initials);
            if (empty || row == null || row.isLoading()) {
                initials.setVisible(false);
                return;
            }
            initials.setVisible(true);
            initials.setText(row.getInitials());
            String uri = row.getAvatarUrl();
            if (uri == null) {
                return;
            }
            Image cached = images.get(uri);
            if (cached != null) {
                setGraphic(round(cached));
                return;
            }
            model.loadAvatar(row, bytes -> {
                Image image = new Image(new ByteArrayInputStream(bytes), 28, 28, true, true);
                if (image.isError()) {
                    return;
                }
                images.put(uri, image);
                // The cell may show another row by now.
                if (getItem() == row) {
                    setGraphic(round(image));
                }
            });
        }

        private static Node round(Image image) {
            ImageView view = new ImageView(image);
            view.setFitWidth(28);
            view.setFitHeight(28);
            view.setClip(new Circle(14, 14, 14));
            return view;
        }
    }
}
