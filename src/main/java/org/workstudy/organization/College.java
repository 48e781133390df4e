package org.workstudy.organization;

/** 二级学院. */
public record College(long id, String code, String name, boolean active) {
}
