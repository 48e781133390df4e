package org.workstudy.statistics.internal;

import java.util.Set;

import org.workstudy.shared.BusinessException;

/**
 * Which placements a figure stands for, on top of the filter (placed in the academic year): the position type
 * (FIXED, TEMPORARY, PROJECT), the bank (SCHOOL, COLLEGE), on or off campus, an employer.
 */
public record PlacementDrill(String type, String bank, Boolean onCampus, Long employerId) {

    static final Set<String> TYPES = Set.of("FIXED", "TEMPORARY", "PROJECT");
    static final Set<String> BANKS = Set.of("SCHOOL", "COLLEGE");

    public PlacementDrill {
        type = type == null || type.isBlank() ? null : type.trim();
        if (type != null && !TYPES.contains(type)) {
            throw BusinessException.invalid("stats.drill.type", type).field("type");
        }
        bank = bank == null || bank.isBlank() ? null : bank.trim();
        if (bank != null && !BANKS.contains(bank)) {
            throw BusinessException.invalid("stats.drill.bank", bank).field("bank");
        }
    }

    public static PlacementDrill all() {
        return new PlacementDrill(null, null, null, null);
    }
}
