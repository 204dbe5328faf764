package app.registrar.bulk;

import app.registrar.api.ErrorCategory;
import app.registrar.api.FileFault;
import app.registrar.model.PasswordPolicy;
import app.registrar.model.UserId;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
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

    /** Synapse refuses longer display names (synapse/handlers/profile.py, MAX_DISPLAYNAME_LEN), counted in code points. */
    static final int MAX_DISPLAY_NAME = 256;
    /**
     * The most rows one import takes. Every row is held (checked, shown in the preview, then run), about 370 bytes
     * each, in the launcher's 128 MB heap beside the app's own 60–70 MB: 100,000 rows leave room to spare, while a
     * file of 200,000 would not fit (docs/performance.md). A bigger file is refused with the advice to split it.
     */
    public static final int MAX_ROWS = 100_000;

    private ImportFile() {
    }

    /**
     * Reads and checks {@code file} for accounts on {@code serverName}; passwords given in the file are checked
     * against {@code policy}, since the admin API does not apply the server's rules itself.
     *
     * @throws ImportFileException when the file has no header or no {@code user_id} column
     */
    public static ImportPreview read(Path file, String serverName, PasswordPolicy policy) throws IOException {
        try {
            return readChecked(file, serverName, policy);
        } catch (CharacterCodingException e) {
            throw new FileFault(ErrorCategory.FILE_NOT_UTF8, file, "not UTF-8: " + e, e);
        } catch (IOException e) {
            throw FileFault.about(file, e);
        }
    }

    private static ImportPreview readChecked(Path file, String serverName, PasswordPolicy policy) throws IOException {
        char delimiter = detectDelimiter(file);
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter);
        List<ImportRow> rows = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        try (Reader reader = open(file);
             MappingIterator<String[]> lines = mapper.readerFor(String[].class)
                     .with(CsvParser.Feature.WRAP_AS_ARRAY)
                     .with(CsvParser.Feature.SKIP_EMPTY_LINES)
                     .with(schema)
                     .readValues(reader)) {
            if (!lines.hasNext()) {
                throw new FileFault(ErrorCategory.FILE_EMPTY, file, "no lines");
            }
            Map<String, Integer> columns = columns(lines.next(), ignored);
            if (!columns.containsKey("user_id")) {
                throw new ImportFileException(file, ImportFileException.Reason.NO_USER_ID_COLUMN, 1, "");
            }
            Set<String> seen = new HashSet<>();
            int number = 0;
            while (lines.hasNext()) {
                long line = lines.getCurrentLocation().getLineNr();
                String[] cells = lines.next();
                if (isBlank(cells)) {
                    continue;
                }
                if (number == MAX_ROWS) {
                    throw new ImportFileException(file, ImportFileException.Reason.TOO_MANY_ROWS, line, "");
                }
                rows.add(check(++number, line, cells, columns, serverName, policy, seen));
            }
        } catch (RuntimeJsonMappingException e) {
            // The iterator wraps what the reader threw, a decoding error included.
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof JsonProcessingException syntax
                        && syntax.getCause() == null) {
                    throw unreadable(file, syntax);
                }
                if (cause instanceof CharacterCodingException coding) {
                    throw coding;
                }
                if (cause instanceof IOException io && !(cause instanceof JacksonException)) {
                    throw io;
                }
            }
            throw new ImportFileException(file, ImportFileException.Reason.NOT_CSV, 0, e.getMessage());
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof CharacterCodingException coding) {
                throw coding;
            }
            throw unreadable(file, e);
        }
        if (rows.isEmpty()) {
            throw new FileFault(ErrorCategory.FILE_NO_ROWS, file, "only the header line");
        }
        return new ImportPreview(file, List.copyOf(rows), List.copyOf(ignored), delimiter);
    }

    private static ImportFileException unreadable(Path file, JsonProcessingException e) {
        return new ImportFileException(file, ImportFileException.Reason.NOT_CSV,
                e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getOriginalMessage());
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
        if (displayName.codePointCount(0, displayName.length()) > MAX_DISPLAY_NAME) {
            problems.add(RowProblem.DISPLAY_NAME_TOO_LONG);
        }
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
        try (BufferedReader reader = open(file)) {
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

    /**
     * The file as text: UTF-8 unless a byte-order mark says UTF-16 (Excel's "Unicode text" and "CSV UTF-16"), the
     * mark itself skipped. Bytes that are not valid in that encoding fail the read ({@link CharacterCodingException})
     * instead of turning into replacement characters in account names.
     *
     * @throws FileFault {@link ErrorCategory#FILE_EMPTY} for no bytes, {@link ErrorCategory#FILE_NOT_CSV} for a
     *                   file that is not text at all (a workbook, an archive, a picture)
     */
    static BufferedReader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            in.mark(SNIFF);
            byte[] head = in.readNBytes(SNIFF);
            in.reset();
            if (head.length == 0) {
                throw new FileFault(ErrorCategory.FILE_EMPTY, file, "0 bytes");
            }
            Charset charset = StandardCharsets.UTF_8;
            int mark = 0;
            if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
                mark = 3;
            } else if (startsWith(head, 0xFF, 0xFE)) {
                charset = StandardCharsets.UTF_16LE;
                mark = 2;
            } else if (startsWith(head, 0xFE, 0xFF)) {
                charset = StandardCharsets.UTF_16BE;
                mark = 2;
            } else if (looksBinary(head)) {
                throw new FileFault(ErrorCategory.FILE_NOT_CSV, file, "binary content");
            }
            in.skipNBytes(mark);
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return new BufferedReader(new InputStreamReader(in, decoder));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static final int SNIFF = 8192;

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Text files hold no NUL bytes (UTF-16 ones are recognised by their mark before this is asked). */
    private static boolean looksBinary(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return startsWith(head, 'P', 'K', 3, 4) || startsWith(head, '%', 'P', 'D', 'F');
    }

    private static int lineBreaks(String[] cells) {
        int breaks = 0;
        for (String cell : cells) {
            for (int i = 0; i < cell.length(); i++) {
                char c = cell.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == cell.length() || cell.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return breaks;
    }
}
