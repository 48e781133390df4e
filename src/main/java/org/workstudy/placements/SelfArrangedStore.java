package org.workstudy.placements;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.workstudy.organization.StudentCondition;
import org.workstudy.places.UnmatchedPlaces;
import org.workstudy.placements.internal.CertificateFile;

/**
 * The self-arranged work tables: registrations ({@code plc_self_work}) and their certificates (the history is
 * approvals'). Students are selected with organization's {@link StudentCondition}; no other module's table appears
 * here.
 */
@Repository
class SelfArrangedStore {

    static final String SELECT = "SELECT w.id, w.student_id, w.employer_name, w.city, w.address, w.out_of_city,"
            + " w.starts_on, w.ends_on, w.expected_hours, w.content, w.status, w.counselor_approved_on,"
            + " w.vice_dean_approved_on, w.certificate_verified, w.contact_person, w.contact_phone, w.created_at,"
            + " w.approval_request_id, w.division_code FROM plc_self_work w";

    private final JdbcClient jdbc;

    SelfArrangedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current certificate's name and upload time. */
    record CertificateName(String fileName, Instant uploadedAt) {
    }

    long insert(long studentId, SelfArrangedForm f, String city, String divisionCode, boolean outOfCity,
            OffsetDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO plc_self_work (student_id, employer_name, city, address, contact_person, contact_phone,"
                        + " starts_on, ends_on, expected_hours, content, out_of_city, status, created_at, updated_at,"
                        + " division_code) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(studentId, f.employerName(), city, f.address(), f.contactPerson(), f.contactPhone(),
                        f.startsOn(), f.endsOn(), f.expectedHours(), f.content(), outOfCity,
                        SelfArrangedStatus.SUBMITTED.name(), at, at, divisionCode)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** A returned registration edited and submitted again: its approvals and verification start over. */
    void resubmit(long id, SelfArrangedForm f, String city, String divisionCode, boolean outOfCity,
            OffsetDateTime at) {
        jdbc.sql("UPDATE plc_self_work SET employer_name = ?, city = ?, address = ?, contact_person = ?,"
                        + " contact_phone = ?, starts_on = ?, ends_on = ?, expected_hours = ?, content = ?,"
                        + " out_of_city = ?, status = ?, counselor_approved_on = NULL, vice_dean_approved_on = NULL,"
                        + " certificate_verified = FALSE, updated_at = ?, division_code = ? WHERE id = ?")
                .params(f.employerName(), city, f.address(), f.contactPerson(), f.contactPhone(),
                        f.startsOn(), f.endsOn(), f.expectedHours(), f.content(), outOfCity,
                        SelfArrangedStatus.SUBMITTED.name(), at, divisionCode, id)
                .update();
    }

    void setApprovalRequest(long id, long requestId) {
        jdbc.sql("UPDATE plc_self_work SET approval_request_id = ? WHERE id = ?").params(requestId, id).update();
    }

    void markCertificateVerified(long id) {
        jdbc.sql("UPDATE plc_self_work SET certificate_verified = TRUE WHERE id = ?").param(id).update();
    }

    /** Moves the status if it is still {@code from} (and sets the approval days given); false if it changed. */
    boolean setStatus(long id, SelfArrangedStatus from, SelfArrangedStatus to, LocalDate counselorApprovedOn,
            LocalDate viceDeanApprovedOn, OffsetDateTime at) {
        return jdbc.sql("UPDATE plc_self_work SET status = ?, updated_at = ?,"
                        + " counselor_approved_on = COALESCE(?, counselor_approved_on),"
                        + " vice_dean_approved_on = COALESCE(?, vice_dean_approved_on) WHERE id = ? AND status = ?")
                .params(to.name(), at, counselorApprovedOn, viceDeanApprovedOn, id, from.name())
                .update() == 1;
    }

    long insertCertificate(long id, String name, String type, byte[] content, String by, OffsetDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO plc_self_certificate (work_id, file_name, content_type, size_bytes, uploaded_at,"
                        + " uploaded_by, content) VALUES (?,?,?,?,?,?,?)")
                .params(id, name, type, content.length, at, by, content).update(key, "id");
        return key.getKey().longValue();
    }

    Optional<CertificateFile> certificate(long id) {
        return jdbc.sql("SELECT id, work_id, file_name, content_type, size_bytes, uploaded_at, uploaded_by, content"
                        + " FROM plc_self_certificate WHERE work_id = ? ORDER BY id DESC LIMIT 1")
                .param(id)
                .query((rs, n) -> new CertificateFile(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getBytes(8)))
                .optional();
    }

    Optional<CertificateName> certificateName(long id) {
        return jdbc.sql("SELECT file_name, uploaded_at FROM plc_self_certificate WHERE work_id = ?"
                        + " ORDER BY id DESC LIMIT 1").param(id)
                .query((rs, n) -> new CertificateName(rs.getString(1), rs.getTimestamp(2).toInstant())).optional();
    }

    /** The student of each registration. */
    Map<Long, Long> studentsOf(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> out = new HashMap<>();
        jdbc.sql("SELECT id, student_id FROM plc_self_work WHERE id IN (:ids)").param("ids", ids)
                .query((rs, n) -> out.put(rs.getLong(1), rs.getLong(2))).list();
        return out;
    }

    Optional<SelfArrangedRegistration> find(long id) {
        return jdbc.sql(SELECT + " WHERE w.id = ?").param(id).query(SelfArrangedRegistration::row).optional();
    }

    Optional<SelfArrangedRegistration> lock(long id) {
        return jdbc.sql(SELECT + " WHERE w.id = ? FOR UPDATE").param(id).query(SelfArrangedRegistration::row)
                .optional();
    }

    /** A student's registrations, newest first (by start date for other modules, by id for the student's page). */
    List<SelfArrangedRegistration> ofStudent(long studentId, boolean byStart) {
        return jdbc.sql(SELECT + " WHERE w.student_id = ? ORDER BY "
                        + (byStart ? "w.starts_on DESC, w.id DESC" : "w.id DESC")).param(studentId)
                .query(SelfArrangedRegistration::row).list();
    }

    List<SelfArrangedRegistration> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE w.id IN (:ids)").param("ids", ids).query(SelfArrangedRegistration::row)
                .list();
    }

    /** Registrations whose free-text city no division matched, as the places page lists them. */
    List<UnmatchedPlaces.Place> unmatchedPlaces() {
        return jdbc.sql("SELECT id, employer_name, city FROM plc_self_work WHERE division_code IS NULL ORDER BY id")
                .query((rs, n) -> new UnmatchedPlaces.Place("places.kind.self-arranged", rs.getLong(1),
                        rs.getString(2), rs.getString(3), "/self-arranged/" + rs.getLong(1)))
                .list();
    }

    /** Registrations of the students a condition selects, newest first, optionally of one status. */
    List<SelfArrangedRegistration> of(StudentCondition students, SelfArrangedStatus status, int limit) {
        Map<String, Object> params = new HashMap<>(students.params());
        String where = students.sql();
        if (status != null) {
            where += " AND w.status = :status";
            params.put("status", status.name());
        }
        return jdbc.sql(SELECT + " WHERE " + where + " ORDER BY w.id DESC LIMIT " + limit).params(params)
                .query(SelfArrangedRegistration::row).list();
    }
}
