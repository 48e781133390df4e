package org.workstudy.placements;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

import org.workstudy.shared.BusinessException;

/**
 * A registration as stored. It knows its lifecycle: which step waits for whom (the counselor's while SUBMITTED, the
 * vice dean's while WAITING_VICE_DEAN), where each decision leads, and refuses moves its status does not allow.
 */
record SelfArrangedRegistration(SelfArrangedView view, String contactPerson, String contactPhone, Instant createdAt,
        Long approvalRequestId, String divisionCode) {

    long id() {
        return view.id();
    }

    long studentId() {
        return view.studentId();
    }

    SelfArrangedStatus status() {
        return view.status();
    }

    SelfArrangedForm form() {
        // the picker shows the chosen division; a place no division matched must be chosen again
        return new SelfArrangedForm(view.employerName(), divisionCode != null ? divisionCode : view.city(),
                view.address(), contactPerson, contactPhone,
                view.startsOn(), view.endsOn(), view.expectedHours(), view.content());
    }

    /** The student edits and resubmits only a returned registration. */
    void requireEditable() {
        if (status() != SelfArrangedStatus.RETURNED) {
            throw BusinessException.conflict("selfwork.not-editable");
        }
    }

    /** The student withdraws it until it is approved (submitted, returned, waiting for the vice dean). */
    SelfArrangedStatus withdraw() {
        if (!status().isPending() && status() != SelfArrangedStatus.RETURNED) {
            throw BusinessException.conflict("selfwork.withdraw.not-possible");
        }
        return SelfArrangedStatus.WITHDRAWN;
    }

    /** A certificate is uploaded once the work is approved, and may be replaced until it is verified. */
    SelfArrangedStatus certificateUploaded() {
        if (status() != SelfArrangedStatus.APPROVED && status() != SelfArrangedStatus.VICE_DEAN_APPROVED
                && status() != SelfArrangedStatus.CERTIFICATE_UPLOADED) {
            throw BusinessException.conflict("selfwork.certificate.not-now");
        }
        return SelfArrangedStatus.CERTIFICATE_UPLOADED;
    }

    void requirePending() {
        if (!status().isPending() || approvalRequestId == null) {
            throw BusinessException.conflict("selfwork.not-pending");
        }
    }

    /** Whether the counselor's step is the current one (the vice dean's comes after it, for out-of-city work). */
    boolean waitsForCounselor() {
        return status() == SelfArrangedStatus.SUBMITTED;
    }

    /**
     * Where a decision of the named step leads: the counselor approves (home-city work is approved, out-of-city work
     * goes on to the vice dean) or returns it; the vice dean approves or refuses it. Refuses a step that is not the one
     * the registration waits for.
     */
    SelfArrangedStatus decided(String step, boolean approve) {
        requirePending();
        String waitsFor = waitsForCounselor() ? SelfArrangedWork.COUNSELOR_STEP : SelfArrangedWork.VICE_DEAN_STEP;
        if (!waitsFor.equals(step)) {
            throw BusinessException.conflict("selfwork.changed-meanwhile");
        }
        if (waitsForCounselor()) {
            if (!approve) {
                return SelfArrangedStatus.RETURNED;
            }
            return view.outOfCity() ? SelfArrangedStatus.WAITING_VICE_DEAN : SelfArrangedStatus.APPROVED;
        }
        return approve ? SelfArrangedStatus.VICE_DEAN_APPROVED : SelfArrangedStatus.REFUSED;
    }

    /** The counselor accepts the uploaded certificate, or rejects it (back to approved, awaiting another). */
    SelfArrangedStatus certificateVerified(boolean accept) {
        if (status() != SelfArrangedStatus.CERTIFICATE_UPLOADED) {
            throw BusinessException.conflict("selfwork.certificate.nothing-to-verify");
        }
        if (accept) {
            return SelfArrangedStatus.VERIFIED;
        }
        return view.outOfCity() ? SelfArrangedStatus.VICE_DEAN_APPROVED : SelfArrangedStatus.APPROVED;
    }

    /** Refuses a move its status does not allow (a race the row's lock did not stop, or a programming error). */
    void requireMayBecome(SelfArrangedStatus next) {
        if (!status().mayBecome(next)) {
            throw BusinessException.conflict("selfwork.changed-meanwhile");
        }
    }

    static SelfArrangedRegistration row(ResultSet rs, int n) throws SQLException {
        BigDecimal hours = rs.getBigDecimal(9);
        SelfArrangedView view = new SelfArrangedView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getBoolean(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                hours == null ? null : hours.stripTrailingZeros().scale() < 0 ? hours.setScale(0) : hours.stripTrailingZeros(),
                rs.getString(10), SelfArrangedStatus.valueOf(rs.getString(11)), rs.getObject(12, LocalDate.class),
                rs.getObject(13, LocalDate.class), rs.getBoolean(14));
        return new SelfArrangedRegistration(view, rs.getString(15), rs.getString(16), rs.getTimestamp(17).toInstant(),
                rs.getObject(18, Long.class), rs.getString(19));
    }
}
