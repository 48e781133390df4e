package org.workstudy.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shipped division list, "the same city" and the matching of old free-text places (issue 12, item 2). */
class DivisionListTest {

    private final DivisionList list = DivisionList.standard();

    @Test
    void theListHoldsEveryProvinceCityAndCounty() {
        assertThat(list.size()).isEqualTo(3339);
        assertThat(list.find("350200")).hasValueSatisfying(d -> {
            assertThat(d.name()).isEqualTo("厦门市");
            assertThat(d.level()).isEqualTo(2);
        });
        assertThat(list.find("350203").orElseThrow().fullName()).isEqualTo("福建省 厦门市 思明区");
        assertThat(list.find("350203").orElseThrow().label()).isEqualTo("厦门市思明区");
    }

    @Test
    void aDistrictOfTheHomeCityIsInsideANeighbouringCityIsOutside() {
        assertThat(list.sameCity("350203", "350200")).as("思明区 in 厦门市").isTrue();
        assertThat(list.sameCity("350211", "350200")).as("集美区 in 厦门市").isTrue();
        assertThat(list.sameCity("350200", "350200")).isTrue();
        assertThat(list.sameCity("350500", "350200")).as("泉州市").isFalse();
        assertThat(list.sameCity("350503", "350200")).as("泉州 丰泽区").isFalse();
        // 同安区 is Xiamen's, 安溪县 (also next door) is Quanzhou's
        assertThat(list.sameCity("350212", "350200")).isTrue();
        assertThat(list.sameCity("350524", "350200")).isFalse();
        // a province says too little
        assertThat(list.sameCity("350000", "350200")).isFalse();
    }

    @Test
    void municipalitiesAndCountiesDirectlyUnderAProvinceAreTheirOwnCity() {
        assertThat(list.cityOf("110101").orElseThrow().code()).as("东城区 in 北京市").isEqualTo("110000");
        assertThat(list.sameCity("110101", "110105")).isTrue();
        assertThat(list.cityOf("429004").orElseThrow().code()).as("仙桃市 is its own city").isEqualTo("429004");
        assertThat(list.sameCity("429004", "429005")).isFalse();
    }

    @Test
    void oldFreeTextMapsWhenItNamesExactlyOneDivision() {
        assertThat(list.match("厦门")).map(Division::code).hasValue("350200");
        assertThat(list.match(" 厦门市 ")).map(Division::code).hasValue("350200");
        assertThat(list.match("福建省厦门市思明区")).map(Division::code).hasValue("350203");
        assertThat(list.match("思明区")).map(Division::code).hasValue("350203");
        assertThat(list.match("泉州")).map(Division::code).hasValue("350500");
        assertThat(list.match("福州鼓楼区")).map(Division::code).hasValue("350102");
        assertThat(list.match("350211")).map(Division::code).hasValue("350211");
        assertThat(list.match("鼓楼区")).as("福州, 南京, 徐州, 开封 each have one").isEmpty();
        assertThat(list.match("厦们")).as("a typo").isEmpty();
        assertThat(list.match("Xiamen")).isEmpty();
        assertThat(list.match("福建省")).as("a province is no place").isEmpty();
        assertThat(list.match("泉州思明区")).as("contradictory").isEmpty();
    }

    @Test
    void searchFindsByAnyPartOfTheNameWithExactNamesFirst() {
        assertThat(list.search("思明", 5)).extracting(Division::code).first().isEqualTo("350203");
        assertThat(list.search("厦门", 12)).extracting(Division::code).first().isEqualTo("350200");
        assertThat(list.search("厦门", 12)).extracting(Division::code).contains("350203", "350211");
        assertThat(list.search("福建 鼓楼", 5)).extracting(Division::code).containsExactly("350102");
        assertThat(list.search("3502", 20)).extracting(Division::code).contains("350200", "350203");
        assertThat(list.search("福建", 50)).extracting(Division::code).doesNotContain("350000");
        assertThat(list.search("  ", 5)).isEmpty();
    }
}
