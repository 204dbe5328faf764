package app.registrar.bulk;

import app.registrar.model.PasswordPolicy;
import app.registrar.model.UserId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an import file and checks each row without sending anything. The first line names the columns
 * ({@code user_id} is required; {@code displayname}, {@code email}, {@code password}, {@code admin},
 * {@code user_type} are optional, in any order and case); an export of Registrar can be read as it is. Commas,
 * semicolons (European spreadsheets) and tabs are recognised from the header line.
 */
public final class ImportFile {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("user_id", "user_id"), Map.entry("userid", "user_id"), Map.entry("user", "user_id"),
            Map.entry("username", "user_id"), Map.entry("localpart", "user_id"), Map.entry("mxid", "user_id"),
            Map.entry("displayname", "displayname"), Map.entry("display_name", "displayname"),
            Map.entry("display name", "displayname"),
            Map.entry("email", "email"), Map.entry("emails", "email"), Map.entry("mail", "email"),
            Map.entry("password", "password"),
            Map.entry("admin", "admin"), Map.entry("is_admin", "admin"),
            Map.entry("user_type", "user_type"), Map.entry("type", "user_type"));

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final Pattern EMAIL_SEPARATORS = Pattern.compile("[;,\\s]+");

    private ImportFile() {
    }

    /**
     * Reads and checks {@code file} for accounts on {@code serverName}; passwords given in the file are checked
     * against {@code policy}, since the admin API does not apply the server's rules itself.
     *
     * @throws ImportFileException when the file has no header or no {@code user_id} column
     */
    public static ImportPreview read(Path file, String serverName, PasswordPolicy policy) throws IOException {
        char delimiter = detectDelimiter(file);
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter);
        List<ImportRow> rows = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        try (Reader reader = withoutBom(Files.newBufferedReader(file, StandardCharsets.UTF_8));
             MappingIterator<String[]> lines = mapper.readerFor(String[].class)
                     .with(CsvParser.Feature.WRAP_AS_ARRAY)
                     .with(CsvParser.Feature.SKIP_EMPTY_LINES)
                     .with(schema)
                     .readValues(reader)) {
            if (!lines.hasNext()) {
                throw new ImportFileException(ImportFileException.Reason.EMPTY, 0, "");
            }
            Map<String, Integer> columns = columns(lines.next(), ignored);
            if (!columns.containsKey("user_id")) {
                throw new ImportFileException(ImportFileException.Reason.NO_USER_ID_COLUMN, 1, "");
            }
            Set<String> seen = new HashSet<>();
            int number = 0;
            while (lines.hasNext()) {
                long line = lines.getCurrentLocation().getLineNr();
                String[] cells = lines.next();
                if (isBlank(cells)) {
                    continue;
                }
                rows.add(check(++number, line, cells, columns, serverName, policy, seen));
            }
        } catch (JsonProcessingException e) {
            throw new ImportFileException(ImportFileException.Reason.NOT_CSV,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getOriginalMessage());
        }
        return new ImportPreview(file, List.copyOf(rows), List.copyOf(ignored), delimiter);
    }

    private static ImportRow check(int number, long line, String[] cells, Map<String, Integer> columns,
                                   String serverName, PasswordPolicy policy, Set<String> seen) {
        List<RowProblem> problems = new ArrayList<>();
        String typedId = cell(cells, columns, "user_id");
        String userId = typedId;
        if (typedId.isEmpty()) {
            problems.add(RowProblem.MISSING_USER_ID);
        } else {
            UserId id = UserId.fromInput(typedId, serverName);
            userId = id.toString();
            if (!id.isOn(serverName)) {
                problems.add(RowProblem.OTHER_SERVER);
            } else if (!UserId.checkNewLocalpart(id.localpart(), serverName).isEmpty()) {
                problems.add(RowProblem.INVALID_USER_ID);
            } else if (!seen.add(userId)) {
                problems.add(RowProblem.DUPLICATE_USER_ID);
            }
        }
        String displayName = cell(cells, columns, "displayname");
        List<String> emails = new ArrayList<>();
        for (String address : EMAIL_SEPARATORS.split(cell(cells, columns, "email"))) {
            if (address.isEmpty()) {
                continue;
            }
            if (!EMAIL.matcher(address).matches()) {
                if (!problems.contains(RowProblem.INVALID_EMAIL)) {
                    problems.add(RowProblem.INVALID_EMAIL);
                }
            } else {
                emails.add(address.toLowerCase(Locale.ROOT));
            }
        }
        String adminCell = cell(cells, columns, "admin");
        Boolean admin = adminCell.isEmpty() ? null : parseBoolean(adminCell);
        if (!adminCell.isEmpty() && admin == null) {
            problems.add(RowProblem.ADMIN_NOT_BOOLEAN);
        }
        String userType = cell(cells, columns, "user_type").toLowerCase(Locale.ROOT);
        if (!userType.isEmpty() && !userType.equals("bot") && !userType.equals("support")) {
            problems.add(RowProblem.INVALID_USER_TYPE);
        }
        // A password is taken as written: white space at its ends may be meant.
        Integer passwordColumn = columns.get("password");
        String password = passwordColumn == null || passwordColumn >= cells.length || cells[passwordColumn].isEmpty()
                ? null : cells[passwordColumn];
        if (password != null) {
            List<PasswordPolicy.Problem> weak = policy.check(password);
            if (weak.contains(PasswordPolicy.Problem.TOO_LONG)) {
                problems.add(RowProblem.PASSWORD_TOO_LONG);
            } else if (!weak.isEmpty()) {
                problems.add(RowProblem.WEAK_PASSWORD);
            }
        }
        return new ImportRow(number, line, userId, displayName.isEmpty() ? null : displayName, emails, password,
                admin, userType.isEmpty() ? null : userType, problems);
    }

    /** A real boolean: true/false, yes/no, 1/0 (empty is false); anything else is a problem, never a guess. */
    static Boolean parseBoolean(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "", "false", "no", "n", "0" -> false;
            case "true", "yes", "y", "1" -> true;
            default -> null;
        };
    }

    private static Map<String, Integer> columns(String[] header, List<String> ignored) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String name = CsvCells.restore(header[i]).replace("\uFEFF", "").toLowerCase(Locale.ROOT);
            String known = ALIASES.get(name);
            if (known != null && !columns.containsKey(known)) {
                columns.put(known, i);
            } else if (!name.isEmpty()) {
                ignored.add(header[i].strip());
            }
        }
        return columns;
    }

    private static String cell(String[] cells, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= cells.length ? "" : CsvCells.restore(cells[index]);
    }

    private static boolean isBlank(String[] cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The separator that occurs most often, outside quotes, in the header line. */
    static char detectDelimiter(Path file) throws IOException {
        String header;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            header = reader.readLine();
        }
        if (header == null) {
            return ',';
        }
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    private static Reader withoutBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
