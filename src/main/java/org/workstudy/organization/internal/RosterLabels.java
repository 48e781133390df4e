package org.workstudy.organization.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.workstudy.identity.Role;
import org.workstudy.organization.Gender;
import org.workstudy.organization.StudentStatus;

/**
 * The roster spreadsheet format, shared by import, export and templates: column headers and the Chinese words used in
 * cells. The spreadsheet is a Chinese registrar's document, so these are data, not UI text.
 */
final class RosterLabels {

    static final String STUDENT_NO = "学号";
    static final String NAME = "姓名";
    static final String GENDER = "性别";
    static final String CLASS = "班级";
    static final String TERM = "入学学期";
    static final String STATUS = "学籍状态";
    static final String PHONE = "手机号";
    static final String ID_CARD = "身份证号";
    static final String STAFF_NO = "工号";
    static final String COLLEGE = "学院";
    static final String ROLES = "角色";
    static final String CLASSES = "所带班级";

    static final List<String> STUDENT_COLUMNS = List.of(STUDENT_NO, NAME, GENDER, CLASS, TERM, STATUS, PHONE, ID_CARD);
    static final List<String> STUDENT_REQUIRED = List.of(STUDENT_NO, NAME, GENDER, CLASS, TERM);
    static final List<String> STAFF_COLUMNS = List.of(STAFF_NO, NAME, COLLEGE, PHONE, ROLES, CLASSES);
    static final List<String> STAFF_REQUIRED = List.of(STAFF_NO, NAME);

    /** Separators of a list in one cell: 、 and commas (full or half width), semicolons, spaces. */
    static final String LIST_SEPARATORS = "[、,，;；\\s]+";

    private static final Map<String, Gender> GENDERS = Map.of("男", Gender.MALE, "女", Gender.FEMALE);
    private static final Map<String, StudentStatus> STATUSES = new LinkedHashMap<>();
    private static final Map<String, Role> ROLE_NAMES = new LinkedHashMap<>();

    static {
        STATUSES.put("在读", StudentStatus.ACTIVE);
        STATUSES.put("休学", StudentStatus.SUSPENDED);
        STATUSES.put("退学", StudentStatus.WITHDRAWN);
        STATUSES.put("毕业", StudentStatus.GRADUATED);
        ROLE_NAMES.put("系统管理员", Role.ADMIN);
        ROLE_NAMES.put("中心主任", Role.CENTER_DIRECTOR);
        ROLE_NAMES.put("勤工助学中心", Role.CENTER_STAFF);
        ROLE_NAMES.put("教学科研处", Role.ACADEMIC_AFFAIRS);
        ROLE_NAMES.put("分管校领导", Role.LEADER);
        ROLE_NAMES.put("主管副院长", Role.VICE_DEAN);
        ROLE_NAMES.put("学院勤工助学负责人", Role.COLLEGE_ADMIN);
        ROLE_NAMES.put("辅导员", Role.COUNSELOR);
    }

    private RosterLabels() {
    }

    static Optional<Gender> gender(String text) {
        return Optional.ofNullable(GENDERS.get(text));
    }

    static String gender(Gender gender) {
        return gender == Gender.MALE ? "男" : "女";
    }

    static Optional<StudentStatus> status(String text) {
        return Optional.ofNullable(STATUSES.get(text));
    }

    static String status(StudentStatus status) {
        return STATUSES.entrySet().stream().filter(e -> e.getValue() == status).map(Map.Entry::getKey).findFirst()
                .orElse(status.name());
    }

    /** A staff role by its Chinese name (as in the template) or its code (CENTER_STAFF). */
    static Optional<Role> role(String text) {
        Role role = ROLE_NAMES.get(text);
        if (role == null) {
            try {
                role = Role.valueOf(text.toUpperCase());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return role == Role.STUDENT || role == Role.EMPLOYER ? Optional.empty() : Optional.of(role);
    }

    static String roleName(Role role) {
        return ROLE_NAMES.entrySet().stream().filter(e -> e.getValue() == role).map(Map.Entry::getKey).findFirst()
                .orElse(role.name());
    }

    static List<String> roleNames() {
        return List.copyOf(ROLE_NAMES.keySet());
    }

    static List<String> statusNames() {
        return List.copyOf(STATUSES.keySet());
    }
}
