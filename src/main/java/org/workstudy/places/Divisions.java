package org.workstudy.places;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.workstudy.shared.BusinessException;

/**
 * The division list for the modules that store places: a form's place is a division code chosen in the picker
 * (an API caller may also send a name that matches exactly one division, "厦门市" or "福建省厦门市思明区"); it is
 * stored as the code with the division's label beside it for lists.
 */
@Service
public class Divisions {

    private final DivisionList list = DivisionList.standard();

    public Optional<Division> find(String code) {
        return list.find(code);
    }

    /** The division a form field names (a code, or a name that fits one division), or a 422 naming the field. */
    public Division require(String field, String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            throw BusinessException.invalid("places.required").field(field);
        }
        return list.find(codeOrName).filter(list::choosable).or(() -> list.match(codeOrName))
                .orElseThrow(() -> BusinessException.invalid("places.unknown", codeOrName.strip()).field(field));
    }

    /** A home city: a prefecture-level city or a municipality (or a county-level city directly under a province). */
    public Division requireCity(String field, String codeOrName) {
        Division d = require(field, codeOrName);
        if (list.cityOf(d.code()).filter(c -> c.code().equals(d.code())).isEmpty()) {
            throw BusinessException.invalid("places.not-a-city", d.fullName()).field(field);
        }
        return d;
    }

    /** See {@link DivisionList#sameCity}. */
    public boolean sameCity(String code, String otherCode) {
        return list.sameCity(code, otherCode);
    }

    /** The picker's first choices: the division chosen so far, if the code names one. */
    public List<Division> chosen(String code) {
        return list.find(code).map(List::of).orElse(List.of());
    }

    public List<Division> search(String query, int limit) {
        return list.search(query, limit);
    }
}
