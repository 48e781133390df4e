package org.workstudy.organization;

/** A column of a roster spreadsheet, for the instructions of the import page: its header, and what goes in it. */
public record ImportColumn(String header, boolean required, String helpKey) {
}
