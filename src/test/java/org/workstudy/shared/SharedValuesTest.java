package org.workstudy.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SharedValuesTest {

    @Test
    void termCodesParseOrderAndFollowEachOther() {
        TermCode autumn = TermCode.parse("2024-2025-1");
        assertThat(autumn.isAutumn()).isTrue();
        assertThat(autumn.next()).isEqualTo(TermCode.parse("2024-2025-2"));
        assertThat(autumn.next().next()).isEqualTo(TermCode.parse("2025-2026-1"));
        assertThat(autumn.next().calendarYear()).isEqualTo(2025);
        assertThat(autumn).isLessThan(autumn.next());
        assertThat(autumn.toString()).isEqualTo("2024-2025-1");
    }

    @Test
    void malformedTermCodesAreRefused() {
        assertThat(TermCode.isValid("2024-2026-1")).isFalse();
        assertThat(TermCode.isValid("2024-2025-3")).isFalse();
        assertThat(TermCode.isValid("2024秋")).isFalse();
        assertThatThrownBy(() -> TermCode.parse(null)).isInstanceOf(BusinessException.class);
    }

    @Test
    void idCardNumbersNeedARealBirthDateAndTheirCheckCharacter() {
        String valid = IdCardNumber.withCheckChar("11010519491231002");
        assertThat(valid).isEqualTo("11010519491231002X");
        assertThat(IdCardNumber.isValid(valid)).isTrue();
        assertThat(IdCardNumber.isValid("110105194912310021")).isFalse();
        assertThat(IdCardNumber.isValid(IdCardNumber.withCheckChar("11010519490230002"))).isFalse();
        assertThat(IdCardNumber.isValid("1101051949123100")).isFalse();
    }

    @Test
    void personalDataIsMasked() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.idCard("350203200001011234")).isEqualTo("3502**********1234");
        assertThat(Masking.phone(null)).isNull();
    }
}
