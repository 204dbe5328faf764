package app.registrar.ui.insights.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.bulk.PngFile;
import app.registrar.ui.bulk.InactiveAccountsViewModel;
import app.registrar.ui.bulk.view.InactiveAccountsDialog;
import app.registrar.ui.common.view.ModalDialog;
import app.registrar.ui.common.view.Views;
import app.registrar.ui.insights.ChartBar;
import app.registrar.ui.insights.InsightsCharts.Chart;
import app.registrar.ui.insights.InsightsCharts;
import app.registrar.ui.insights.InsightsViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The Insights screen: three bar charts (JavaFX's own), the scan's progress with Cancel, the inactive accounts one
 * click away, and Save as PNG under each chart. The scan starts when the window opens.
 */
public final class InsightsDialog extends ModalDialog {

    private final InsightsViewModel model;

    public InsightsDialog(Window owner, InsightsViewModel model) {
        super(owner, tr("insights.title"));
        this.model = model;
        setResizable(true);

        ProgressBar bar = new ProgressBar(0);
        bar.setId("insightsProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label status = new Label();
        status.setId("insightsStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(model.statusProperty());

        BarChart<String, Number> created = verticalChart(model.getCreatedPerMonth(), "insights.created.title");
        created.setId("createdChart");
        created.setPrefHeight(175);
        BarChart<Number, String> activity = horizontalChart(model.getActivity(), "insights.activity.title");
        activity.setId("activityChart");
        BarChart<Number, String> kinds = horizontalChart(model.getKinds(), "insights.kinds.title");
        kinds.setId("kindsChart");
        VBox createdBox = withSave(created, Chart.CREATED);
        HBox lower = new HBox(12, withSave(activity, Chart.ACTIVITY), withSave(kinds, Chart.KINDS));
        for (Node child : lower.getChildren()) {
            HBox.setHgrow(child, Priority.ALWAYS);
        }

        VBox content = new VBox(8, Views.help(tr("insights.help")), bar, status, createdBox, lower, inactiveRow(),
                Views.errorBox(model.errorProperty()));
        content.setPrefWidth(920);
        setContent(content);
        bindBusy(model.runningProperty());
        Button again = addButton(tr("insights.again"), false, model::scan);
        again.setId("insightsAgain");
        again.disableProperty().bind(model.runningProperty());
        Button cancel = addButton(tr("edit.cancel"), false, model::cancel);
        cancel.setId("insightsCancel");
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        addButton(tr("about.close"), true, this::close).disableProperty().bind(model.runningProperty());
        addEventHandler(WindowEvent.WINDOW_SHOWN, e -> model.scan());
    }

    private HBox inactiveRow() {
        Spinner<Integer> days = new Spinner<>(1, 3650, model.inactiveDaysProperty().get(), 30);
        days.setId("insightsInactiveDays");
        days.setEditable(true);
        days.setPrefWidth(100);
        days.valueProperty().addListener((obs, old, now) -> model.inactiveDaysProperty().set(now));
        Label daysLabel = Views.labelFor("insights.inactive.days", days);
        Label count = new Label();
        count.setId("insightsInactiveCount");
        count.textProperty().bind(model.inactiveTextProperty());
        count.setMinWidth(0);
        Button show = new Button(tr("insights.inactive.show"));
        show.setId("insightsShowInactive");
        show.setMnemonicParsing(true);
        show.setMinWidth(Region.USE_PREF_SIZE);
        show.disableProperty().bind(model.runningProperty().or(model.reportProperty().isNull())
                .or(model.inactiveCountProperty().isEqualTo(0)));
        show.setOnAction(e -> showInactive());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox row = new HBox(8, daysLabel, days, count, grow, show);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void showInactive() {
        InactiveAccountsViewModel list = model.newInactiveList();
        InactiveAccountsDialog dialog = new InactiveAccountsDialog(this, list, model.inactiveQuery());
        // One click: the list is looked up as it opens, for the days chosen here.
        dialog.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> list.find(model.inactiveQuery()));
        dialog.showAndWait();
    }

    private VBox withSave(XYChart<?, ?> chart, Chart which) {
        // Each button names its chart, so each has its own Alt shortcut.
        Button save = new Button(tr("insights.save." + which.name().toLowerCase(Locale.ROOT)));
        save.setMnemonicParsing(true);
        save.setId("save" + which.name().charAt(0) + which.name().substring(1).toLowerCase(Locale.ROOT));
        save.getStyleClass().add("flat");
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.disableProperty().bind(model.runningProperty().or(model.reportProperty().isNull()));
        save.setOnAction(e -> model.save(which, picture(chart)));
        HBox buttonRow = new HBox(save);
        buttonRow.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(0, chart, buttonRow);
        VBox.setVgrow(chart, Priority.ALWAYS);
        return box;
    }

    /** The chart as drawn, as plain pixels the view model can hand to a worker. */
    static PngFile.Picture picture(Node chart) {
        WritableImage image = chart.snapshot(null, null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return new PngFile.Picture(width, height, argb);
    }

    private static BarChart<String, Number> verticalChart(ObservableList<ChartBar> bars, String titleKey) {
        CategoryAxis months = new CategoryAxis();
        NumberAxis counts = new NumberAxis();
        counts.setLabel(tr("insights.count.axis"));
        counts.setMinorTickVisible(false);
        BarChart<String, Number> chart = new BarChart<>(months, counts);
        chart.setTitle(tr(titleKey));
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setCategoryGap(2);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        chart.getData().add(series);
        Runnable fill = () -> series.getData().setAll(bars.stream().map(b -> {
            XYChart.Data<String, Number> data = new XYChart.Data<>(b.label(), b.count());
            // A month's bar can be too small to see next to a busy one: its number is a hover away.
            data.nodeProperty().addListener((obs, old, node) -> {
                if (node != null) {
                    Tooltip.install(node, new Tooltip(b.label() + ": " + b.count()));
                }
            });
            return data;
        }).toList());
        bars.addListener((ListChangeListener<ChartBar>) c -> fill.run());
        fill.run();
        return chart;
    }

    private static BarChart<Number, String> horizontalChart(ObservableList<ChartBar> bars, String titleKey) {
        // No axis title: each bar's label carries its number, and the height goes to the bars.
        NumberAxis counts = new NumberAxis();
        counts.setMinorTickVisible(false);
        CategoryAxis labels = new CategoryAxis();
        BarChart<Number, String> chart = new BarChart<>(counts, labels);
        chart.setTitle(tr(titleKey));
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(215);
        chart.setMinWidth(0);
        chart.setCategoryGap(6);
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        chart.getData().add(series);
        Runnable fill = () -> {
            // Reversed, so the first bar is at the top as it is read.
            List<XYChart.Data<Number, String>> data = new ArrayList<>();
            for (int i = bars.size() - 1; i >= 0; i--) {
                data.add(new XYChart.Data<>(bars.get(i).count(), bars.get(i).label()));
            }
            series.getData().setAll(data);
        };
        bars.addListener((ListChangeListener<ChartBar>) c -> fill.run());
        fill.run();
        return chart;
    }
}
