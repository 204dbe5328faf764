package app.registrar.bulk;

import java.util.List;

/**
 * One account of an import file as read and checked, before anything is sent.
 *
 * @param row         1-based number of the account among the file's data rows (the journal's key)
 * @param line        line of the file where the row starts, for messages
 * @param userId      the full user ID, lower-cased, or what was typed when it is not valid
 * @param displayName display name, or null to leave it out
 * @param emails      email addresses to add
 * @param password    the password given in the file, or null: then one is generated, or none is set
 * @param admin       whether the account is a server admin, or null when the file does not say (then a new
 *                    account is not an admin and an existing one keeps what it has)
 * @param userType    {@code bot}, {@code support}, or null
 * @param problems    why it cannot be sent; empty when it can
 */
public record ImportRow(int row, long line, String userId, String displayName, List<String> emails, String password,
                        Boolean admin, String userType, List<RowProblem> problems) {

    public ImportRow {
        emails = List.copyOf(emails);
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    public boolean hasPassword() {
        return password != null;
    }

    /** Never prints the password: rows end up in logs and test reports. */
    @Override
    public String toString() {
        return "ImportRow[row=" + row + ", line=" + line + ", userId=" + userId + ", displayName=" + displayName
                + ", emails=" + emails + ", password=" + (password == null ? "none" : "***") + ", admin=" + admin
                + ", userType=" + userType + ", problems=" + problems + "]";
    }
}
