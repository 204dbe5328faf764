package app.registrar.testing;

import app.registrar.ui.userlist.view.UserListView;
import java.util.List;

/** The list's buttons for tests that show the list alone: every one does nothing. */
public final class NoListActions implements UserListView.Actions {
    @Override
    public void create() { }

    @Override
    public void export() { }

    @Override
    public void importCsv() { }

    @Override
    public void inactive() { }

    @Override
    public void actOn(List<String> userIds) { }

    @Override
    public void insights() { }
}
