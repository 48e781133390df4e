package org.workstudy.organization.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.Activations;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.identity.ScopeKind;
import org.workstudy.organization.ActivationSlip;
import org.workstudy.organization.Gender;
import org.workstudy.organization.ImportColumn;
import org.workstudy.organization.ImportResult;
import org.workstudy.organization.NewStatusChange;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.SchoolClass;
import org.workstudy.organization.Staff;
import org.workstudy.organization.StaffDirectory;
import org.workstudy.organization.StaffForm;
import org.workstudy.organization.StatusHistory;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentForm;
import org.workstudy.organization.StudentStatus;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.RowError;
import org.workstudy.shared.RowErrors;
import org.workstudy.shared.TermCode;
import org.workstudy.shared.XlsxSheet;

/**
 * Imports the student roster or the staff list from an .xlsx, all or nothing: every row is checked first and every
 * problem is reported with the row number Excel shows; only a file without problems is written, in one transaction.
 * The file is streamed; only the checked rows are kept in memory.
 */
@Service
public class RosterImport {

    /** The most data rows a student file may have (a whole school is 10,000–30,000 students). */
    public static final int MAX_STUDENT_ROWS = 50_000;
    /** The most data rows a staff file may have. */
    public static final int MAX_STAFF_ROWS = 5_000;
    /** The most errors a result lists; the rest are only counted. */
    public static final int MAX_LISTED_ERRORS = 1_000;
    private static final int NAME_MAX = 50;
    private static final String STAFF_NO = "[0-9A-Za-z]{3,20}";
    private static final Logger LOG = LoggerFactory.getLogger(RosterImport.class);

    private final Roster roster;
    private final Organization organization;
    private final StaffDirectory staff;
    private final Accounts accounts;
    private final Activations activations;
    private final TransactionTemplate transaction;
    private final StatusHistory statusHistory;

    RosterImport(Roster roster, Organization organization, StaffDirectory staff, Accounts accounts,
            Activations activations, PlatformTransactionManager transactions, StatusHistory statusHistory) {
        this.roster = roster;
        this.statusHistory = statusHistory;
        this.organization = organization;
        this.staff = staff;
        this.accounts = accounts;
        this.activations = activations;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The columns of the student spreadsheet (import, export and template). */
    public static List<ImportColumn> studentColumns() {
        return RosterLabels.STUDENT_COLUMNS.stream().map(c -> new ImportColumn(c,
                RosterLabels.STUDENT_REQUIRED.contains(c), "roster.help.students." + key(c))).toList();
    }

    /** The columns of the staff spreadsheet. */
    public static List<ImportColumn> staffColumns() {
        return RosterLabels.STAFF_COLUMNS.stream().map(c -> new ImportColumn(c,
                RosterLabels.STAFF_REQUIRED.contains(c), "roster.help.staff." + key(c))).toList();
    }

    /**
     * Checks every row of a student roster and, if all are valid, adds the students with their accounts in one
     * transaction. The accounts have no password: each student activates theirs with the code printed on the class
     * activation sheet ({@link ActivationSheets}), so nothing is hashed here.
     */
    public ImportResult importStudents(InputStream xlsx) {
        return importStudents(xlsx, CurrentUser.find().orElse(null));
    }

    /**
     * As above; a workbook may also hold a sheet named 异动 of status changes (学籍异动, {@link StatusChangeSheet}),
     * checked row by row with the students and written in the same transaction, all or nothing, as {@code user}
     * (an administrator). A workbook of changes only (no students sheet, or an empty one) imports only the changes.
     */
    public ImportResult importStudents(InputStream xlsx, CurrentUser user) {
        byte[] bytes;
        try {
            bytes = xlsx.readAllBytes();
        } catch (IOException e) {
            return ImportResult.failure(List.of(RowError.ofFile("roster.import.unreadable")), 0);
        }
        List<String> sheets = XlsxSheet.sheetNames(bytes);
        boolean withChanges = sheets.contains(StatusChangeSheet.SHEET);
        String studentSheet = withChanges
                ? sheets.stream().filter(n -> !n.equals(StatusChangeSheet.SHEET)).findFirst().orElse(null) : null;
        RowErrors errors = new RowErrors(MAX_LISTED_ERRORS);
        List<StudentForm> forms = new ArrayList<>();
        Numbers numbers = new Numbers();
        Map<String, Optional<SchoolClass>> classes = new HashMap<>();
        List<RowError> fileProblems = withChanges && studentSheet == null ? List.of()
                : RosterSheet.read(new ByteArrayInputStream(bytes), studentSheet, RosterLabels.STUDENT_NO,
                        RosterLabels.STUDENT_COLUMNS, RosterLabels.STUDENT_REQUIRED, MAX_STUDENT_ROWS, (row, cells) -> {
                            StudentForm form = student(row, cells, errors, numbers, classes);
                            if (form != null) {
                                forms.add(form);
                            }
                        });
        if (withChanges) {
            // a workbook of changes only: its students sheet may be empty
            fileProblems = fileProblems.stream().filter(p -> !p.messageKey().equals("roster.import.no-data")).toList();
        }
        if (!fileProblems.isEmpty()) {
            return ImportResult.failure(fileProblems, 0);
        }
        // every well-formed number, also of rows with other problems, so that one round shows all
        for (String taken : roster.existingNumbers(numbers.all())) {
            errors.add(RowError.of(numbers.rowOf(taken), RosterLabels.STUDENT_NO,
                    "roster.import.student-no.exists", taken));
        }
        List<StatusChangeSheet.Row> changes = List.of();
        if (withChanges) {
            List<RowError> changeErrors = new ArrayList<>();
            changes = StatusChangeSheet.read(bytes, name -> classes.computeIfAbsent(name, organization::classByName),
                    changeErrors);
            Set<String> inFile = Set.copyOf(numbers.all());
            Set<String> onRoster = Set.copyOf(roster.existingNumbers(changes.stream()
                    .map(StatusChangeSheet.Row::studentNo).distinct().toList()));
            for (StatusChangeSheet.Row c : changes) {
                if (!inFile.contains(c.studentNo()) && !onRoster.contains(c.studentNo())) {
                    changeErrors.add(RowError.of(c.row(), StatusChangeSheet.column(StatusChangeSheet.STUDENT_NO),
                            "status.import.student.unknown", c.studentNo()));
                }
            }
            // what the rows mean for students already on the roster is checked now too, so that one round shows all
            List<StatusChangeSheet.Row> known = changes.stream().filter(c -> onRoster.contains(c.studentNo())
                    && !inFile.contains(c.studentNo())).toList();
            if (!known.isEmpty()) {
                Map<String, Long> ids = new HashMap<>();
                known.forEach(c -> ids.computeIfAbsent(c.studentNo(), no -> roster.findByNumber(no).orElseThrow().id()));
                statusHistory.check(withIds(known, ids)).forEach(p -> changeErrors.add(refusal(known.get(p.index()), p)));
            }
            changeErrors.forEach(errors::add);
        }
        if (errors.any()) {
            return ImportResult.failure(errors.inRowOrder(), errors.unlisted());
        }
        if (forms.isEmpty() && changes.isEmpty()) {
            return ImportResult.failure(List.of(RowError.ofFile("roster.import.no-data")), 0);
        }
        List<StatusChangeSheet.Row> rows = changes;
        try {
            return transaction.execute(status -> {
                if (!forms.isEmpty()) {
                    roster.addAll(forms);
                }
                if (rows.isEmpty()) {
                    return ImportResult.success(forms.size());
                }
                Map<String, Long> ids = new HashMap<>();
                rows.forEach(r -> ids.computeIfAbsent(r.studentNo(), no -> roster.findByNumber(no).orElseThrow().id()));
                List<NewStatusChange> list = withIds(rows, ids);
                List<StatusHistory.Problem> problems = statusHistory.check(list);
                if (!problems.isEmpty()) {
                    status.setRollbackOnly();
                    RowErrors refused = new RowErrors(MAX_LISTED_ERRORS);
                    problems.forEach(p -> refused.add(refusal(rows.get(p.index()), p)));
                    return ImportResult.failure(refused.inRowOrder(), refused.unlisted());
                }
                statusHistory.recordAll(user == null ? CurrentUser.require() : user, list);
                return ImportResult.success(forms.size(), list.size());
            });
        } catch (BusinessException e) {
            if (e.status() == 403) {
                throw e;
            }
            // an account with the same username (a staff 工号, say), or a student added meanwhile
            Object value = e.args().length > 0 ? e.args()[0] : "";
            return ImportResult.failure(List.of(RowError.of(numbers.rowOf(String.valueOf(value)),
                    RosterLabels.STUDENT_NO, "roster.import.username-taken", value)), 0);
        } catch (DataAccessException e) {
            LOG.warn("Student import rolled back: {}", e.getClass().getName());
            return ImportResult.failure(List.of(RowError.ofFile("roster.import.concurrent")), 0);
        }
    }

    private static List<NewStatusChange> withIds(List<StatusChangeSheet.Row> rows, Map<String, Long> ids) {
        return rows.stream().map(r -> {
            NewStatusChange c = r.change();
            return new NewStatusChange(ids.get(r.studentNo()), c.kind(), c.effectiveOn(), c.untilOn(), c.toClassId(),
                    c.reason());
        }).toList();
    }

    private static RowError refusal(StatusChangeSheet.Row row, StatusHistory.Problem p) {
        return RowError.of(row.row(), StatusChangeSheet.column(changeColumn(p.error().field())),
                p.error().messageKey(), p.error().args());
    }

    private static String changeColumn(String field) {
        if (field == null) {
            return StatusChangeSheet.KIND;
        }
        return switch (field) {
            case "effectiveOn" -> StatusChangeSheet.EFFECTIVE;
            case "untilOn" -> StatusChangeSheet.UNTIL;
            case "toClassId" -> StatusChangeSheet.TO_CLASS;
            case "reason" -> StatusChangeSheet.REASON;
            default -> StatusChangeSheet.KIND;
        };
    }

    /**
     * Checks every row of a staff list and, if all are valid, adds the staff with their accounts and role grants in
     * one transaction. The accounts await activation; their codes are issued in the same transaction and handed back,
     * to be shown once to the importing administrator.
     */
    public ImportResult importStaff(InputStream xlsx) {
        RowErrors errors = new RowErrors(MAX_LISTED_ERRORS);
        List<NewStaff> rows = new ArrayList<>();
        Numbers numbers = new Numbers();
        Map<String, Long> colleges = new HashMap<>();
        organization.colleges().forEach(c -> colleges.put(c.name(), c.id()));
        Map<String, Optional<SchoolClass>> classes = new HashMap<>();
        List<RowError> fileProblems = RosterSheet.read(xlsx, RosterLabels.STAFF_NO, RosterLabels.STAFF_COLUMNS,
                RosterLabels.STAFF_REQUIRED, MAX_STAFF_ROWS, (row, cells) -> {
                    NewStaff s = staff(row, cells, errors, numbers, colleges, classes);
                    if (s != null) {
                        rows.add(s);
                    }
                });
        if (!fileProblems.isEmpty()) {
            return ImportResult.failure(fileProblems, 0);
        }
        for (NewStaff s : rows) {
            if (staff.findByNumber(s.form().staffNo()).isPresent() || accounts.usernameTaken(s.form().staffNo())) {
                errors.add(RowError.of(s.row(), RosterLabels.STAFF_NO, "roster.import.staff-no.exists",
                        s.form().staffNo()));
            }
        }
        if (errors.any()) {
            return ImportResult.failure(errors.inRowOrder(), errors.unlisted());
        }
        List<ActivationSlip> codes;
        try {
            codes = transaction.execute(status -> {
                List<Long> accountIds = rows.stream().map(s -> staff.create(s.form(), null, s.grants()))
                        .map(id -> staff.find(id).orElseThrow().accountId()).toList();
                Map<Long, Activations.IssuedCode> issued = activations.issue(accountIds, "staff-import");
                List<ActivationSlip> slips = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    Activations.IssuedCode code = issued.get(accountIds.get(i));
                    slips.add(new ActivationSlip(rows.get(i).form().staffNo(), rows.get(i).form().name(),
                            code.code(), code.expiresAt()));
                }
                return slips;
            });
        } catch (BusinessException e) {
            Object value = e.args().length > 0 ? e.args()[0] : "";
            return ImportResult.failure(List.of(RowError.of(numbers.rowOf(String.valueOf(value)),
                    RosterLabels.STAFF_NO, "roster.import.username-taken", value)), 0);
        } catch (DataAccessException e) {
            LOG.warn("Staff import rolled back: {}", e.getClass().getName());
            return ImportResult.failure(List.of(RowError.ofFile("roster.import.concurrent")), 0);
        }
        return ImportResult.success(codes);
    }

    private StudentForm student(int row, Map<String, String> cells, RowErrors errors, Numbers numbers,
            Map<String, Optional<SchoolClass>> classes) {
        int before = errors.count();
        String no = required(row, cells, RosterLabels.STUDENT_NO, errors);
        String name = required(row, cells, RosterLabels.NAME, errors);
        String genderText = required(row, cells, RosterLabels.GENDER, errors);
        String className = required(row, cells, RosterLabels.CLASS, errors);
        String term = required(row, cells, RosterLabels.TERM, errors);
        String statusText = cells.get(RosterLabels.STATUS);
        String phone = cells.get(RosterLabels.PHONE);
        String idCard = cells.get(RosterLabels.ID_CARD);
        if (no != null) {
            if (!no.matches(RosterRules.STUDENT_NO)) {
                errors.add(RowError.of(row, RosterLabels.STUDENT_NO, "roster.import.student-no.invalid", no));
            } else {
                Integer first = numbers.add(no, row);
                if (first != null) {
                    errors.add(RowError.of(row, RosterLabels.STUDENT_NO, "roster.import.duplicate", no,
                            String.valueOf(first)));
                }
            }
        }
        checkName(row, name, errors);
        Gender gender = null;
        if (genderText != null) {
            gender = RosterLabels.gender(genderText).orElse(null);
            if (gender == null) {
                errors.add(RowError.of(row, RosterLabels.GENDER, "roster.import.gender.invalid", genderText));
            }
        }
        Long classId = null;
        if (className != null) {
            classId = classId(row, RosterLabels.CLASS, className, classes, errors);
        }
        if (term != null && !TermCode.isValid(term)) {
            errors.add(RowError.of(row, RosterLabels.TERM, "roster.import.term.invalid", term));
        }
        StudentStatus status = StudentStatus.ACTIVE;
        if (statusText != null) {
            status = RosterLabels.status(statusText).orElse(null);
            if (status == null) {
                errors.add(RowError.of(row, RosterLabels.STATUS, "roster.import.status.invalid", statusText,
                        String.join("、", RosterLabels.statusNames())));
            }
        }
        checkPhone(row, phone, errors);
        if (idCard != null && !RosterRules.validIdCard(idCard)) {
            errors.add(RowError.of(row, RosterLabels.ID_CARD, "roster.import.id-card.invalid", idCard.length()));
        }
        if (errors.count() > before) {
            return null;
        }
        return new StudentForm(no, name, gender, classId, term, status, phone,
                idCard == null ? null : idCard.toUpperCase(Locale.ROOT));
    }

    private NewStaff staff(int row, Map<String, String> cells, RowErrors errors, Numbers numbers,
            Map<String, Long> colleges, Map<String, Optional<SchoolClass>> classes) {
        int before = errors.count();
        String no = required(row, cells, RosterLabels.STAFF_NO, errors);
        String name = required(row, cells, RosterLabels.NAME, errors);
        String collegeName = cells.get(RosterLabels.COLLEGE);
        String phone = cells.get(RosterLabels.PHONE);
        String roleText = cells.get(RosterLabels.ROLES);
        String classText = cells.get(RosterLabels.CLASSES);
        if (no != null) {
            if (!no.matches(STAFF_NO)) {
                errors.add(RowError.of(row, RosterLabels.STAFF_NO, "roster.import.staff-no.invalid", no));
            } else {
                Integer first = numbers.add(no, row);
                if (first != null) {
                    errors.add(RowError.of(row, RosterLabels.STAFF_NO, "roster.import.duplicate", no,
                            String.valueOf(first)));
                }
            }
        }
        checkName(row, name, errors);
        Long collegeId = null;
        if (collegeName != null) {
            collegeId = colleges.get(collegeName);
            if (collegeId == null) {
                errors.add(RowError.of(row, RosterLabels.COLLEGE, "roster.import.college.unknown", collegeName));
            }
        }
        checkPhone(row, phone, errors);
        Set<Role> roles = new LinkedHashSet<>();
        if (roleText != null) {
            for (String part : roleText.split(RosterLabels.LIST_SEPARATORS)) {
                if (part.isEmpty()) {
                    continue;
                }
                RosterLabels.role(part).ifPresentOrElse(roles::add, () -> errors.add(RowError.of(row,
                        RosterLabels.ROLES, "roster.import.role.unknown", part,
                        String.join("、", RosterLabels.roleNames()))));
            }
        }
        List<Grant> grants = new ArrayList<>();
        for (Role role : roles) {
            if (role.scopeKind() == ScopeKind.SCHOOL) {
                grants.add(Grant.school(role));
            } else if (role.scopeKind() == ScopeKind.COLLEGE) {
                if (collegeName == null) {
                    errors.add(RowError.of(row, RosterLabels.COLLEGE, "roster.import.role.needs-college",
                            RosterLabels.roleName(role)));
                } else if (collegeId != null) {
                    grants.add(Grant.of(role, collegeId));
                }
            }
        }
        boolean counselor = roles.contains(Role.COUNSELOR);
        if (counselor && classText == null) {
            errors.add(RowError.of(row, RosterLabels.CLASSES, "roster.import.role.needs-classes"));
        }
        if (!counselor && classText != null) {
            errors.add(RowError.of(row, RosterLabels.CLASSES, "roster.import.classes.without-counselor"));
        }
        if (counselor && classText != null) {
            Set<String> names = new LinkedHashSet<>(List.of(classText.split(RosterLabels.LIST_SEPARATORS)));
            for (String className : names) {
                if (!className.isEmpty()) {
                    Long classId = classId(row, RosterLabels.CLASSES, className, classes, errors);
                    if (classId != null) {
                        grants.add(Grant.of(Role.COUNSELOR, classId));
                    }
                }
            }
        }
        if (errors.count() > before) {
            return null;
        }
        return new NewStaff(row, new StaffForm(no, name, collegeId, phone), grants);
    }

    private Long classId(int row, String column, String className, Map<String, Optional<SchoolClass>> classes,
            RowErrors errors) {
        Optional<SchoolClass> found = classes.computeIfAbsent(className, organization::classByName);
        if (found.isEmpty()) {
            errors.add(RowError.of(row, column, "roster.import.class.unknown", className));
            return null;
        }
        if (!found.get().active()) {
            errors.add(RowError.of(row, column, "roster.import.class.inactive", className));
            return null;
        }
        return found.get().id();
    }

    private static String required(int row, Map<String, String> cells, String column, RowErrors errors) {
        String value = cells.get(column);
        if (value == null) {
            errors.add(RowError.of(row, column, "roster.import.required", column));
        }
        return value;
    }

    private static void checkName(int row, String name, RowErrors errors) {
        if (name != null && name.length() > NAME_MAX) {
            errors.add(RowError.of(row, RosterLabels.NAME, "roster.import.too-long", NAME_MAX));
        }
    }

    private static void checkPhone(int row, String phone, RowErrors errors) {
        if (phone != null && !phone.matches(RosterRules.PHONE)) {
            errors.add(RowError.of(row, RosterLabels.PHONE, "roster.import.phone.invalid", phone));
        }
    }

    /** The 学号 or 工号 seen so far, with their rows; usernames ignore case, so duplicates do too. */
    private static final class Numbers {
        private final Map<String, Integer> rowByLowerCase = new HashMap<>();
        private final Map<String, Integer> rowByNumber = new LinkedHashMap<>();

        /** Null for a new number, else the row it first appeared in. */
        Integer add(String number, int row) {
            Integer first = rowByLowerCase.putIfAbsent(number.toLowerCase(Locale.ROOT), row);
            if (first == null) {
                rowByNumber.put(number, row);
            }
            return first;
        }

        List<String> all() {
            return List.copyOf(rowByNumber.keySet());
        }

        int rowOf(String number) {
            Integer row = rowByNumber.get(number);
            return row != null ? row : rowByLowerCase.getOrDefault(number.toLowerCase(Locale.ROOT), 0);
        }
    }

    private static String key(String column) {
        return switch (column) {
            case RosterLabels.STUDENT_NO -> "student-no";
            case RosterLabels.NAME -> "name";
            case RosterLabels.GENDER -> "gender";
            case RosterLabels.CLASS -> "class";
            case RosterLabels.TERM -> "term";
            case RosterLabels.STATUS -> "status";
            case RosterLabels.PHONE -> "phone";
            case RosterLabels.ID_CARD -> "id-card";
            case RosterLabels.STAFF_NO -> "staff-no";
            case RosterLabels.COLLEGE -> "college";
            case RosterLabels.ROLES -> "roles";
            case RosterLabels.CLASSES -> "classes";
            default -> throw new IllegalArgumentException(column);
        };
    }

    private record NewStaff(int row, StaffForm form, List<Grant> grants) {
    }
}
